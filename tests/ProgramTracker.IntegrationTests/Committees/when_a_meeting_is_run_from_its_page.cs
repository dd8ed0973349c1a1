using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Web;
using ProgramTracker.Api.Web.Pages.Committees;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.IntegrationTests.Committees;

public class when_a_meeting_is_run_from_its_page(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task attendance_lists_who_was_in_office_that_day_and_the_quorum_is_the_one_the_api_then_records()
    {
        var (committeeId, workstreamId, people) = await CommitteeWithComingsAndGoings();
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);

        var desk = await Desk(committeeId, meetingId);

        desk.AttendanceOn.ShouldBe(new DateOnly(2024, 6, 14));
        desk.Attendance.Select(a => a.PersonId).ShouldBe([people.Chair, people.Member]);
        desk.Attendance[0].Roles.ShouldBe([CommitteeRole.Chair]);
        desk.QuorumRequired.ShouldBe(2);
        desk.Agenda.ShouldHaveSingleItem().WorkstreamId.ShouldBe(workstreamId);

        await Http.HeldMeeting(committeeId, meetingId, people.Chair);
        var record = await Http.GetJson($"/api/committees/{committeeId}/meetings/{meetingId}");
        record["membersInOffice"]!.GetValue<int>().ShouldBe(desk.Attendance.Count);
        record["quorumRequired"]!.GetValue<int>().ShouldBe(desk.QuorumRequired);
        record["quorumReached"]!.GetValue<bool>().ShouldBe(QuorumRule.IsReached(1, desk.QuorumRequired));
        record["quorumReached"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_meeting_held_on_another_day_is_ticked_from_who_was_in_office_on_that_day()
    {
        var (committeeId, workstreamId, people) = await CommitteeWithComingsAndGoings();
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);

        var desk = await Desk(committeeId, meetingId, heldOn: new DateOnly(2024, 2, 1));

        desk.Attendance.Select(a => a.PersonId).ShouldBe([people.Chair, people.Secretary, people.Member], ignoreOrder: true);
        desk.QuorumRequired.ShouldBe(2);
        desk.CanBeHeld(new DateOnly(2024, 2, 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task a_held_meeting_keeps_its_own_day_and_its_agenda_lists_what_is_not_yet_reviewed()
    {
        var (committeeId, workstreamId, people) = await CommitteeWithComingsAndGoings();
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);
        await Http.HeldMeeting(committeeId, meetingId, people.Chair, people.Member);

        var before = await Desk(committeeId, meetingId, heldOn: new DateOnly(2024, 2, 1));
        before.AttendanceOn.ShouldBe(new DateOnly(2024, 6, 14));
        before.NotYetReviewed.ShouldHaveSingleItem().WorkstreamId.ShouldBe(workstreamId);
        before.CanBeHeld(new DateOnly(2026, 1, 1)).ShouldBeFalse();

        (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/reviews", new { workstreamId, rating = "green", comments = "On track" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Desk(committeeId, meetingId)).NotYetReviewed.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_meeting_form_sent_with_no_one_ticked_is_refused_naming_the_attendance()
    {
        var (committeeId, workstreamId, _) = await CommitteeWithComingsAndGoings();
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);
        var before = await EventCount();

        // The page's script leaves an empty list out of the body, as it does every empty value.
        var problem = await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/held", new { heldOn = "2024-06-14" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "attendees");

        problem["rule"]!.GetValue<string>().ShouldBe("required");
        (await EventCount()).ShouldBe(before);
        (await Http.GetJson($"/api/committees/{committeeId}/meetings/{meetingId}"))["status"]!.GetValue<string>().ShouldBe("scheduled");
    }

    [Fact]
    public async Task the_pages_offer_each_user_the_forms_the_api_will_accept_from_them()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var (chair, member, outsider) = (CommitteeScenarios.NewPersonId("anna"), CommitteeScenarios.NewPersonId("binh"), CommitteeScenarios.NewPersonId("dara"));
        await Http.Appointed(committeeId, chair, "chair", effectiveOn: "2024-01-01");
        await Http.Appointed(committeeId, member, "member", effectiveOn: "2024-01-01");
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);
        var asChair = Member(chair);
        var asOutsider = Member(outsider, agreementId);

        var forAdministrator = await Page(Http, $"/committees/{committeeId}");
        forAdministrator.ShouldContain("id=\"appoint\"");
        forAdministrator.ShouldContain("id=\"schedule\"");
        var forChair = await Page(asChair, $"/committees/{committeeId}");
        forChair.ShouldNotContain("id=\"appoint\"");
        forChair.ShouldNotContain("id=\"relieve\"");
        forChair.ShouldContain("id=\"schedule\"");
        forChair.ShouldContain("id=\"assign\"");
        var forOutsider = await Page(asOutsider, $"/committees/{committeeId}");
        forOutsider.ShouldContain("data-testid=\"read-only\"");
        forOutsider.ShouldNotContain("data-api-form");

        var meetingForChair = await Page(asChair, $"/committees/{committeeId}/meetings/{meetingId}");
        meetingForChair.ShouldContain("id=\"hold\"");
        meetingForChair.ShouldContain("data-required=\"2\" data-members=\"2\"");
        (await Page(asOutsider, $"/committees/{committeeId}/meetings/{meetingId}")).ShouldNotContain("data-api-form");

        // What the pages leave out, the API refuses; what they offer, it accepts.
        (await asOutsider.PostAsJsonAsync($"/api/committees/{committeeId}/meetings", new { scheduledOn = "2024-07-01" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await asChair.PostAsJsonAsync($"/api/committees/{committeeId}/members",
            new { personId = outsider, name = "Dara", role = "member", partyId = "vn-moha", effectiveOn = "2024-02-01" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await asChair.PostAsJsonAsync($"/api/committees/{committeeId}/meetings/{meetingId}/held", new { attendees = new[] { chair, member } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_unknown_meeting_is_a_not_found_page()
    {
        var committeeId = await Http.EstablishedCommittee(await Http.RegisteredAgreement());

        (await Http.GetAsync($"/committees/{committeeId}/meetings/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("vi")]
    [InlineData("lo")]
    [InlineData("th")]
    public void every_rule_the_committee_forms_can_be_refused_with_has_words_in_the_language(string language)
    {
        var l = App.Services.GetRequiredService<IStringLocalizer<Strings>>();
        var committee = new Committee(Guid.NewGuid(), Guid.NewGuid(), null, new(En: "C"), new(En: "M"), QuorumRule.Majority, null, false, [], [], [], [], []);
        var meeting = new Meeting(Guid.NewGuid(), new DateOnly(2024, 6, 14), [], null, false);
        var english = Words(l, "en", committee, meeting);

        var words = Words(l, language, committee, meeting);

        words.Keys.ShouldBe(english.Keys);
        foreach (var (code, text) in words)
        {
            text.ShouldNotStartWith("CommitteeRule_", customMessage: code);
            text.ShouldNotContain("{0}", customMessage: code);
            if (language != "en") text.ShouldNotBe(english[code], $"{code} in {language} is the English text");
        }
    }

    private static Dictionary<string, string> Words(IStringLocalizer l, string language, Committee committee, Meeting meeting)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return new[]
                {
                    CommitteeFormRules.Appoint(l), CommitteeFormRules.Relieve(l), CommitteeFormRules.Schedule(l), CommitteeFormRules.Hold(l),
                    CommitteeFormRules.Review(l), CommitteeFormRules.Decision(l, committee, meeting), CommitteeFormRules.Assign(l),
                    CommitteeFormRules.ActOnItem(l),
                }
                .SelectMany((rules, form) => rules.Select(r => ($"{form}/{r.Key}", r.Value)))
                .ToDictionary(r => r.Item1, r => r.Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = before;
        }
    }

    /// <summary>A committee member as an identity provider would send them, who may also read <paramref name="agreementId"/>.</summary>
    private HttpClient Member(string personId, Guid? agreementId = null) => App.CreateClient(
    [
        new Claim(ClaimNames.Subject, personId), new Claim(ClaimNames.Name, personId), new Claim(ClaimNames.Roles, Roles.CommitteeMember),
        new Claim(ClaimNames.PersonId, personId), .. agreementId is { } a ? [new Claim(ClaimNames.Agreements, a.ToString())] : Array.Empty<Claim>(),
    ]);

    private static async Task<string> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return html;
    }

    private async Task<MeetingDesk> Desk(Guid committeeId, Guid meetingId, DateOnly? heldOn = null)
    {
        using var scope = App.Services.CreateScope();
        var desk = await MeetingReads.DeskAsync(scope.ServiceProvider.GetRequiredService<Marten.IQuerySession>(),
            scope.ServiceProvider.GetRequiredService<ProgramTracker.Api.Dashboards.Reads>(), committeeId, meetingId, heldOn, CancellationToken.None);
        return desk.ShouldNotBeNull();
    }

    /// <summary>A secretary relieved in March 2024 and a member appointed in September 2024, around a June meeting.</summary>
    private async Task<(Guid Committee, Guid Workstream, (string Chair, string Secretary, string Member, string Later) People)> CommitteeWithComingsAndGoings()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var people = (CommitteeScenarios.NewPersonId("anna"), CommitteeScenarios.NewPersonId("binh"), CommitteeScenarios.NewPersonId("chanthone"),
            CommitteeScenarios.NewPersonId("dara"));
        await Http.Appointed(committeeId, people.Item1, "chair");
        await Http.Appointed(committeeId, people.Item2, "secretary");
        await Http.Appointed(committeeId, people.Item3, "member", partyId: "la-moha");
        await Http.Appointed(committeeId, people.Item4, "member", effectiveOn: "2024-09-01");
        (await Post($"/api/committees/{committeeId}/members/{people.Item2}/relieve", new { effectiveOn = "2024-03-01", reason = "Moved to another ministry" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return (committeeId, workstreamId, people);
    }
}
