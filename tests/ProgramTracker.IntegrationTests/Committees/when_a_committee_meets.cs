using System.Net;

namespace ProgramTracker.IntegrationTests.Committees;

public class when_a_committee_meets(AppFixture app) : IntegrationContext(app)
{
    private async Task<(Guid Agreement, Guid Workstream, Guid Committee, string[] Members)> CommitteeOfThree()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var committeeId = await Http.EstablishedCommittee(agreementId);
        string[] members = [CommitteeScenarios.NewPersonId("anna"), CommitteeScenarios.NewPersonId("binh"), CommitteeScenarios.NewPersonId("chanthone")];
        await Http.Appointed(committeeId, members[0], "chair");
        await Http.Appointed(committeeId, members[1], "secretary");
        await Http.Appointed(committeeId, members[2], "member", partyId: "la-moha");
        return (agreementId, workstreamId, committeeId, members);
    }

    [Fact]
    public async Task a_quorate_meeting_reviews_workstreams_takes_decisions_and_prints_its_minutes()
    {
        var (agreementId, workstreamId, committeeId, members) = await CommitteeOfThree();
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);

        var held = await Http.HeldMeeting(committeeId, meetingId, members[0], members[2]);
        held["version"]!.GetValue<long>().ShouldBe(6);

        (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/reviews", new { workstreamId, rating = "amber", comments = "Delegation delayed to Q4" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var decision = await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/decisions", new
        {
            text = "Move the delegation to October", workstreamsAffected = new[] { workstreamId }, votes = new { @for = 2, against = 0, abstain = 0 },
        })).ShouldBe(HttpStatusCode.Created);
        (await Post($"/api/committees/{committeeId}/action-items", new
        {
            text = "Confirm the October dates", personId = members[1], workstreamId, dueDate = "2024-07-31", meetingId,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var minutes = await Http.GetJson($"/api/committees/{committeeId}/meetings/{meetingId}");
        minutes["status"]!.GetValue<string>().ShouldBe("held");
        minutes["quorumReached"]!.GetValue<bool>().ShouldBeTrue();
        minutes["quorumRequired"]!.GetValue<int>().ShouldBe(2);
        minutes["membersInOffice"]!.GetValue<int>().ShouldBe(3);
        minutes["attendees"]!.AsArray().Select(a => a!["personId"]!.GetValue<string>()).ShouldBe([members[0], members[2]]);
        minutes["absent"]!.AsArray().ShouldHaveSingleItem()!["personId"]!.GetValue<string>().ShouldBe(members[1]);
        minutes["reviews"]!.AsArray().ShouldHaveSingleItem()!["rating"]!.GetValue<string>().ShouldBe("amber");
        minutes["decisions"]!.AsArray().ShouldHaveSingleItem()!["decisionId"]!.GetValue<Guid>().ShouldBe(decision["id"]!.GetValue<Guid>());
        var action = minutes["actionItems"]!.AsArray().ShouldHaveSingleItem()!;
        action["personName"]!.GetValue<string>().ShouldBe($"Member {members[1]}");
        action["overdue"]!.GetValue<bool>().ShouldBeTrue();

        var workstream = await Http.GetJson($"/api/workstreams/{workstreamId}");
        workstream["currentRag"]!.GetValue<string>().ShouldBe("amber");
        var assessed = workstream["ragHistory"]!.AsArray().ShouldHaveSingleItem()!;
        assessed["committeeId"]!.GetValue<Guid>().ShouldBe(committeeId);
        assessed["meetingId"]!.GetValue<Guid>().ShouldBe(meetingId);
        assessed["assessedOn"]!.GetValue<string>().ShouldBe("2024-06-14");

        var summary = await Http.GetJson($"/api/agreements/{agreementId}/committee-summary");
        var row = summary["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        row["lastReview"]!["rating"]!.GetValue<string>().ShouldBe("amber");
        row["lastReview"]!["committeeId"]!.GetValue<Guid>().ShouldBe(committeeId);
        row["openActionItems"]!.AsArray().ShouldHaveSingleItem()!["overdue"]!.GetValue<bool>().ShouldBeTrue();

        await App.WaitForProjectionsAsync();
        var dashboardRow = (await Http.GetJson($"/api/agreements/{agreementId}/dashboard"))["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        dashboardRow["lastCommitteeReview"]!["rating"]!.GetValue<string>().ShouldBe("amber");
        dashboardRow["lastCommitteeReview"]!["meetingId"]!.GetValue<Guid>().ShouldBe(meetingId);
        dashboardRow["openActionItems"]!.AsArray().ShouldHaveSingleItem()!["text"]!.GetValue<string>().ShouldBe("Confirm the October dates");
    }

    [Fact]
    public async Task a_decision_without_quorum_is_refused_and_appends_nothing()
    {
        var (_, workstreamId, committeeId, members) = await CommitteeOfThree();
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);
        (await Http.HeldMeeting(committeeId, meetingId, members[0]))["version"]!.GetValue<long>().ShouldBe(6);
        (await Http.GetJson($"/api/committees/{committeeId}/meetings/{meetingId}"))["quorumReached"]!.GetValue<bool>().ShouldBeFalse();
        var before = await EventCount();

        var problem = await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/decisions", new { text = "Extend the programme", consensus = true }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "quorum");

        problem["rule"]!.GetValue<string>().ShouldBe("no-quorum");
        problem["detail"]!.GetValue<string>().ShouldContain("1 of the 2");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task the_quorum_follows_the_members_in_office_on_the_meeting_day()
    {
        var (_, _, committeeId, members) = await CommitteeOfThree();
        (await Post($"/api/committees/{committeeId}/members/{members[2]}/relieve", new { effectiveOn = "2024-05-01", reason = "Retired" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await Http.ScheduledMeeting(committeeId, "2024-06-14");
        var before = await Http.ScheduledMeeting(committeeId, "2024-04-14");

        await Http.HeldMeeting(committeeId, after, members[0], members[1]);
        var minutes = await Http.GetJson($"/api/committees/{committeeId}/meetings/{after}");
        minutes["membersInOffice"]!.GetValue<int>().ShouldBe(2);
        minutes["quorumRequired"]!.GetValue<int>().ShouldBe(2);

        await (await Post($"/api/committees/{committeeId}/meetings/{after}/held", new { attendees = new[] { members[0] } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meetingId");
        await Http.HeldMeeting(committeeId, before, members[0], members[2]);
        (await Http.GetJson($"/api/committees/{committeeId}/meetings/{before}"))["membersInOffice"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task a_fixed_quorum_counts_against_its_number()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId, quorum: new { kind = "fixed", count = 3 });
        string[] members = [CommitteeScenarios.NewPersonId("a"), CommitteeScenarios.NewPersonId("b"), CommitteeScenarios.NewPersonId("c"), CommitteeScenarios.NewPersonId("d")];
        foreach (var m in members) await Http.Appointed(committeeId, m);
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14");

        await Http.HeldMeeting(committeeId, meetingId, members[0], members[1]);

        var minutes = await Http.GetJson($"/api/committees/{committeeId}/meetings/{meetingId}");
        minutes["quorumRequired"]!.GetValue<int>().ShouldBe(3);
        minutes["quorumReached"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task reviews_and_meetings_refuse_bad_input_and_appends_nothing()
    {
        var (_, workstreamId, committeeId, members) = await CommitteeOfThree();
        var otherWorkstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);
        var before = await EventCount();

        (await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/reviews", new { workstreamId, rating = "green", comments = "ok" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meetingId"))["rule"]!.GetValue<string>().ShouldBe("meeting-not-held");
        await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/held", new { attendees = new[] { members[0], "stranger" } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "attendees[1]");
        await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/held", new { attendees = new[] { members[0] }, heldOn = "2099-01-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "heldOn");
        await (await Post($"/api/committees/{committeeId}/meetings", new { scheduledOn = "2024-06-14", agenda = new[] { otherWorkstream } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "agenda[0]");
        await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/decisions", new { text = "x" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "votes");
        await (await Post($"/api/committees/{committeeId}/meetings/{Guid.NewGuid()}/held", new { attendees = new[] { members[0] } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "meetingId");
        (await PostRaw($"/api/committees/{committeeId}/meetings/{meetingId}/reviews", $$"""{"workstreamId":"{{workstreamId}}","rating":"purple","comments":"x"}"""))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EventCount()).ShouldBe(before);

        await Http.HeldMeeting(committeeId, meetingId, members[0], members[1]);
        var afterHeld = await EventCount();
        await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/reviews", new { workstreamId = otherWorkstream, rating = "green", comments = "ok" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "workstreamId");
        (await EventCount()).ShouldBe(afterHeld);
        (await Http.GetJson($"/api/workstreams/{otherWorkstream}"))["ragHistory"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task the_roster_shows_the_next_meeting()
    {
        var (_, _, committeeId, _) = await CommitteeOfThree();
        var next = await Http.ScheduledMeeting(committeeId, DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"));
        await Http.ScheduledMeeting(committeeId, DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd"));

        var roster = await Http.GetJson($"/api/committees/{committeeId}");
        roster["nextMeeting"]!["meetingId"]!.GetValue<Guid>().ShouldBe(next);
        roster["meetings"]!.AsArray().Count.ShouldBe(2);
    }
}
