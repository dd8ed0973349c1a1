using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_a_milestone_is_blocked_and_unblocked
{
    private static Decision Block(DateOnly? on, params object[] history) =>
        BlockMilestone.Decide(new BlockMilestone(" Waiting for the budget ", on), Given.Workstream([Planned(), .. history]), MilestoneId, Today);

    private static Decision Unblock(DateOnly? on, params object[] history) =>
        UnblockMilestone.Decide(new UnblockMilestone("Budget approved", on), Given.Workstream([Planned(), .. history]), MilestoneId, Today);

    [Fact]
    public void a_block_records_its_reason_and_day()
    {
        var blocked = Block(new DateOnly(2024, 3, 1), Started(new DateOnly(2024, 2, 1))).ShouldDecide<MilestoneBlocked>();

        blocked.Reason.ShouldBe("Waiting for the budget");
        blocked.BlockedOn.ShouldBe(new DateOnly(2024, 3, 1));
        var milestone = Given.Workstream(Planned(), Started(new DateOnly(2024, 2, 1)), blocked).FindMilestone(MilestoneId)!;
        milestone.Status.ShouldBe(MilestoneStatus.Blocked);
        milestone.BlockedReason.ShouldBe("Waiting for the budget");
        milestone.BlockedOn.ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void without_a_date_it_is_blocked_today() => Block(null).ShouldDecide<MilestoneBlocked>().BlockedOn.ShouldBe(Today);

    [Fact]
    public void blocking_twice_is_a_conflict() =>
        Block(null, Blocked(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "already-blocked");

    [Fact]
    public void a_completed_milestone_cannot_be_blocked() =>
        Block(null, Completed(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-completed");

    [Fact]
    public void a_cancelled_milestone_cannot_be_blocked() =>
        Block(null, Cancelled(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-cancelled");

    [Fact]
    public void a_block_in_the_future_is_refused() =>
        Block(Today.AddDays(1)).ShouldRefuse(RefusalKind.Invalid, "blockedOn", "future-date");

    [Fact]
    public void unblocking_returns_the_milestone_to_where_it_was()
    {
        var fromWork = Unblock(null, Started(new DateOnly(2024, 2, 1)), Blocked(new DateOnly(2024, 3, 1))).ShouldDecide<MilestoneUnblocked>();
        fromWork.UnblockedOn.ShouldBe(Today);
        var milestone = Given.Workstream(Planned(), Started(new DateOnly(2024, 2, 1)), Blocked(new DateOnly(2024, 3, 1)), fromWork).FindMilestone(MilestoneId)!;
        milestone.Status.ShouldBe(MilestoneStatus.InProgress);
        milestone.BlockedReason.ShouldBeNull();
        milestone.BlockedOn.ShouldBeNull();

        var fromPlan = Unblock(null, Blocked(new DateOnly(2024, 3, 1))).ShouldDecide<MilestoneUnblocked>();
        Given.Workstream(Planned(), Blocked(new DateOnly(2024, 3, 1)), fromPlan).FindMilestone(MilestoneId)!.Status.ShouldBe(MilestoneStatus.Planned);
    }

    [Fact]
    public void unblocking_a_milestone_that_is_not_blocked_is_a_conflict() =>
        Unblock(null, Started(new DateOnly(2024, 2, 1))).ShouldRefuse(RefusalKind.Conflict, "milestoneId", "not-blocked");

    [Fact]
    public void unblocking_a_cancelled_milestone_is_a_conflict() =>
        Unblock(null, Blocked(new DateOnly(2024, 3, 1)), Cancelled(new DateOnly(2024, 4, 1)))
            .ShouldRefuse(RefusalKind.Conflict, "milestoneId", "not-blocked");

    [Fact]
    public void an_unblock_before_the_block_is_refused() =>
        Unblock(new DateOnly(2024, 2, 28), Blocked(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Invalid, "unblockedOn", "before-block");

    [Fact]
    public void an_unblock_in_the_future_is_refused() =>
        Unblock(Today.AddDays(1), Blocked(new DateOnly(2024, 3, 1))).ShouldRefuse(RefusalKind.Invalid, "unblockedOn", "future-date");

    [Fact]
    public void an_unknown_milestone_is_not_found()
    {
        BlockMilestone.Decide(new BlockMilestone("x"), Given.Workstream(), MilestoneId, Today).ShouldRefuse(RefusalKind.NotFound, "milestoneId", "not-found");
        UnblockMilestone.Decide(new UnblockMilestone("x"), Given.Workstream(), MilestoneId, Today).ShouldRefuse(RefusalKind.NotFound, "milestoneId", "not-found");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void a_reason_is_required(string reason)
    {
        BlockMilestoneEndpoint.Validate(new BlockMilestone(reason)).ShouldName("reason", "required");
        UnblockMilestoneEndpoint.Validate(new UnblockMilestone(reason)).ShouldName("reason", "required");
    }

    [Fact]
    public void dates_must_be_real()
    {
        BlockMilestoneEndpoint.Validate(new BlockMilestone("x", new DateOnly(1, 1, 1))).ShouldName("blockedOn", "range");
        UnblockMilestoneEndpoint.Validate(new UnblockMilestone("x", new DateOnly(1, 1, 1))).ShouldName("unblockedOn", "range");
    }
}
