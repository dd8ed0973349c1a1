using System.Net;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Web;

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

    private async Task<MeetingDesk> Desk(Guid committeeId, Guid meetingId, DateOnly? heldOn = null)
    {
        await using var session = App.Store.QuerySession();
        var desk = await MeetingReads.DeskAsync(session, committeeId, meetingId, heldOn, new DateOnly(2026, 12, 1), CancellationToken.None);
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
