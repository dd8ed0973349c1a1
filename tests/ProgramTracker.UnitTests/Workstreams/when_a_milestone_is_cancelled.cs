using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_a_milestone_is_cancelled
{
    private static Decision Cancel(DateOnly? on, params object[] history) =>
        CancelMilestone.Decide(new CancelMilestone("Dropped by the joint committee", on), Given.Workstream([Planned(), .. history]), MilestoneId, Today);

    [Fact]
    public void it_is_cancelled_with_its_reason_and_stops_counting()
    {
        var other = Guid.Parse("0195d3a0-0000-7000-8000-0000000000b2");
        var cancelled = Cancel(new DateOnly(2024, 4, 1)).ShouldDecide<MilestoneCancelled>();
        cancelled.Reason.ShouldBe("Dropped by the joint committee");
        cancelled.CancelledOn.ShouldBe(new DateOnly(2024, 4, 1));

        var workstream = Given.Workstream(Planned(), Given.Planned(other, Due), Completed(new DateOnly(2024, 3, 1)) with { MilestoneId = other }, cancelled);
        workstream.FindMilestone(MilestoneId)!.Status.ShouldBe(MilestoneStatus.Cancelled);
        workstream.PercentComplete.ShouldBe(100m);
    }

    [Fact]
    public void without_a_date_it_is_cancelled_today() => Cancel(null).ShouldDecide<MilestoneCancelled>().CancelledOn.ShouldBe(Today);

    [Fact]
    public void a_blocked_milestone_can_be_cancelled() =>
        Cancel(null, Blocked(new DateOnly(2024, 3, 1))).ShouldDecide<MilestoneCancelled>();

    [Fact]
    public void a_completed_milestone_cannot_be_cancelled() =>
        Cancel(null, Completed(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-completed");

    [Fact]
    public void cancelling_twice_is_a_conflict() =>
        Cancel(null, Cancelled(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-cancelled");

    [Fact]
    public void a_cancellation_in_the_future_is_refused() =>
        Cancel(Today.AddDays(1)).ShouldRefuse(RefusalKind.Invalid, "cancelledOn", "future-date");

    [Fact]
    public void an_unknown_milestone_is_not_found() =>
        CancelMilestone.Decide(new CancelMilestone("x"), Given.Workstream(), MilestoneId, Today).ShouldRefuse(RefusalKind.NotFound, "milestoneId", "not-found");

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public void a_reason_is_required(string reason) =>
        CancelMilestoneEndpoint.Validate(new CancelMilestone(reason)).ShouldName("reason", "required");

    [Fact]
    public void an_oversized_reason_is_refused() =>
        CancelMilestoneEndpoint.Validate(new CancelMilestone(new string('x', 4001))).ShouldName("reason", "max-length");
}
