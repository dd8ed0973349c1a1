using System.Net;
using static ProgramTracker.IntegrationTests.Workstreams.WorkstreamWrites;

namespace ProgramTracker.IntegrationTests.Workstreams;

public class when_a_milestone_moves_through_its_life(AppFixture app) : IntegrationContext(app)
{
    private static string Url(Guid workstream, Guid milestone, string action) => $"/api/workstreams/{workstream}/milestones/{milestone}/{action}";

    [Fact]
    public async Task starting_and_reporting_progress_shows_on_the_workstream()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();

        var started = await Http.PostJson(Url(ws, m, "start"), new { startedOn = "2024-02-01" });
        var accepted = await started.ShouldBe(HttpStatusCode.OK);
        accepted["id"]!.GetValue<Guid>().ShouldBe(ws);
        accepted["version"]!.GetValue<long>().ShouldBe(3);
        started.Headers.ETag!.Tag.ShouldBe("\"3\"");

        var progress = await Http.PostJson(Url(ws, m, "progress"), new
        {
            percent = 40, narrative = "Eight of twenty officials trained.", evidenceUrl = "https://example.org/report.pdf", reportedOn = "2024-03-01",
        });
        (await progress.ShouldBe(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(4);

        var milestone = await Http.MilestoneIn(ws, m);
        milestone["status"]!.GetValue<string>().ShouldBe("inProgress");
        milestone["percent"]!.GetValue<int>().ShouldBe(40);
        milestone["startedOn"]!.GetValue<string>().ShouldBe("2024-02-01");
        milestone["lastNarrative"]!.GetValue<string>().ShouldBe("Eight of twenty officials trained.");
        milestone["evidenceUrl"]!.GetValue<string>().ShouldBe("https://example.org/report.pdf");
        (await Http.GetJson($"/api/workstreams/{ws}"))["percentComplete"]!.GetValue<decimal>().ShouldBe(40m);
    }

    [Fact]
    public async Task starting_without_a_date_starts_it_today()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();

        (await Http.PostJson(Url(ws, m, "start"), new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Http.MilestoneIn(ws, m))["startedOn"]!.GetValue<string>().ShouldBe(Day(Today));
    }

    [Fact]
    public async Task a_slipped_milestone_keeps_its_baseline_and_shows_the_variance()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone(due: "2025-06-30");

        (await Http.PostJson(Url(ws, m, "reschedule"), new { newDueDate = "2025-09-30", reason = "The delegation's visas were delayed." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.PostJson(Url(ws, m, "reschedule"), new { newDueDate = "2025-12-31", reason = "Postponed to after the party congress." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var milestone = await Http.MilestoneIn(ws, m);
        milestone["baselineDueDate"]!.GetValue<string>().ShouldBe("2025-06-30");
        milestone["dueDate"]!.GetValue<string>().ShouldBe("2025-12-31");
        milestone["varianceDays"]!.GetValue<int>().ShouldBe(184);
        milestone["rescheduleCount"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task a_blocked_milestone_returns_to_work_when_unblocked()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        (await Http.PostJson(Url(ws, m, "start"), new { startedOn = "2024-02-01" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Http.PostJson(Url(ws, m, "block"), new { reason = "Waiting for the budget decree.", blockedOn = "2024-03-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var blocked = await Http.MilestoneIn(ws, m);
        blocked["status"]!.GetValue<string>().ShouldBe("blocked");
        blocked["blockedReason"]!.GetValue<string>().ShouldBe("Waiting for the budget decree.");

        (await Http.PostJson(Url(ws, m, "unblock"), new { reason = "The decree was signed.", unblockedOn = "2024-04-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var unblocked = await Http.MilestoneIn(ws, m);
        unblocked["status"]!.GetValue<string>().ShouldBe("inProgress");
        unblocked["blockedReason"].ShouldBeNull();
    }

    [Fact]
    public async Task a_cancelled_milestone_no_longer_counts_towards_progress()
    {
        var agreementId = await Http.RegisteredAgreement();
        var ws = await Http.OpenedWorkstream(agreementId);
        var done = await Http.PlannedMilestone(ws, "2024-06-30");
        var dropped = await Http.PlannedMilestone(ws, "2025-06-30");
        (await Http.PostJson(Url(ws, done, "complete"), new { completedOn = "2024-06-28" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Http.PostJson(Url(ws, dropped, "cancel"), new { reason = "Dropped by the joint committee.", cancelledOn = "2024-07-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var workstream = await Http.GetJson($"/api/workstreams/{ws}");
        workstream["percentComplete"]!.GetValue<decimal>().ShouldBe(100m);
        (await Http.MilestoneIn(ws, dropped))["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    [Fact]
    public async Task changes_the_milestone_state_forbids_are_conflicts_and_append_nothing()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        (await Http.PostJson(Url(ws, m, "start"), new { startedOn = "2024-02-01" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.PostJson(Url(ws, m, "block"), new { reason = "No budget" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await App.EventsIn(ws);

        await (await Http.PostJson(Url(ws, m, "start"), new { })).ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "already-started");
        await (await Http.PostJson(Url(ws, m, "block"), new { reason = "Still no budget" })).ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "already-blocked");
        await (await Http.PostJson(Url(ws, m, "complete"), new { completedOn = Day(Today) })).ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "milestone-blocked");

        (await App.EventsIn(ws)).ShouldBe(before);

        (await Http.PostJson(Url(ws, m, "unblock"), new { reason = "Budget approved" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await Http.PostJson(Url(ws, m, "unblock"), new { reason = "Again" })).ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "not-blocked");
        (await Http.PostJson(Url(ws, m, "complete"), new { completedOn = Day(Today) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var completed = await App.EventsIn(ws);

        await (await Http.PostJson(Url(ws, m, "cancel"), new { reason = "Too late" })).ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "milestone-completed");
        await (await Http.PostJson(Url(ws, m, "progress"), new { percent = 50, narrative = "x" })).ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "milestone-completed");
        await (await Http.PostJson(Url(ws, m, "reschedule"), new { newDueDate = "2026-01-31", reason = "x" })).ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "milestone-completed");
        (await App.EventsIn(ws)).ShouldBe(completed);
    }

    [Fact]
    public async Task progress_and_dates_in_the_future_are_refused()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var tomorrow = Day(Today.AddDays(1));
        var before = await App.EventsIn(ws);

        await (await Http.PostJson(Url(ws, m, "progress"), new { percent = 10, narrative = "Planned", reportedOn = tomorrow }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "reportedOn", "future-date");
        await (await Http.PostJson(Url(ws, m, "start"), new { startedOn = tomorrow }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "startedOn", "future-date");
        await (await Http.PostJson(Url(ws, m, "block"), new { reason = "x", blockedOn = tomorrow }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "blockedOn", "future-date");
        await (await Http.PostJson(Url(ws, m, "cancel"), new { reason = "x", cancelledOn = tomorrow }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "cancelledOn", "future-date");

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Fact]
    public async Task a_reason_is_required_to_block_unblock_or_cancel()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var before = await App.EventsIn(ws);

        await (await Http.PostJson(Url(ws, m, "block"), new { reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "required");
        await (await Http.PostJson(Url(ws, m, "unblock"), new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "required");
        await (await Http.PostJson(Url(ws, m, "cancel"), new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "required");

        (await App.EventsIn(ws)).ShouldBe(before);
    }
}
