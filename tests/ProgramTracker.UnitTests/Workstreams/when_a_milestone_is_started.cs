using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_a_milestone_is_started
{
    private static Decision Start(DateOnly? on, params object[] history) =>
        StartMilestone.Decide(new StartMilestone(on), Given.Workstream([Planned(), .. history]), MilestoneId, Today);

    [Fact]
    public void a_planned_milestone_starts_on_the_given_day()
    {
        var started = Start(new DateOnly(2024, 2, 1)).ShouldDecide<MilestoneStarted>();

        started.StartedOn.ShouldBe(new DateOnly(2024, 2, 1));
        var milestone = Given.Workstream(Planned(), started).FindMilestone(MilestoneId)!;
        milestone.Status.ShouldBe(MilestoneStatus.InProgress);
        milestone.StartedOn.ShouldBe(new DateOnly(2024, 2, 1));
    }

    [Fact]
    public void without_a_date_it_starts_today() =>
        Start(null).ShouldDecide<MilestoneStarted>().StartedOn.ShouldBe(Today);

    [Fact]
    public void starting_twice_is_a_conflict() =>
        Start(null, Started(new DateOnly(2024, 2, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "already-started");

    [Fact]
    public void a_progress_report_already_started_it() =>
        Start(null, Reported(10, new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "already-started");

    [Fact]
    public void a_completed_milestone_cannot_start() =>
        Start(null, Completed(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-completed");

    [Fact]
    public void a_cancelled_milestone_cannot_start() =>
        Start(null, Cancelled(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-cancelled");

    [Fact]
    public void a_blocked_milestone_must_be_unblocked_first() =>
        Start(null, Blocked(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-blocked");

    [Fact]
    public void a_start_in_the_future_is_refused() =>
        Start(Today.AddDays(1)).ShouldRefuse(RefusalKind.Invalid, "startedOn", "future-date");

    [Fact]
    public void an_unknown_milestone_is_not_found() =>
        StartMilestone.Decide(new StartMilestone(), Given.Workstream(), MilestoneId, Today)
            .ShouldRefuse(RefusalKind.NotFound, "milestoneId", "not-found");

    [Fact]
    public void a_date_of_year_one_is_a_typing_slip() =>
        StartMilestoneEndpoint.Validate(new StartMilestone(new DateOnly(1, 1, 1))).ShouldName("startedOn", "range");

    [Fact]
    public void an_empty_body_is_valid() => StartMilestoneEndpoint.Validate(new StartMilestone()).ShouldPass();
}
