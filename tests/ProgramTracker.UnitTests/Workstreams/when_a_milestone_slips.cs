using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_a_milestone_slips
{
    private static readonly ValidityPeriod Validity = Given.Agreement().Validity;

    private static Decision Reschedule(DateOnly to, params object[] history) =>
        RescheduleMilestone.Decide(new RescheduleMilestone(to, "Visas delayed"), Given.Workstream([Planned(), .. history]), Validity, MilestoneId);

    [Fact]
    public void the_due_date_moves_and_the_baseline_stays()
    {
        var first = Reschedule(new DateOnly(2024, 12, 31)).ShouldDecide<MilestoneRescheduled>();
        first.PreviousDueDate.ShouldBe(Due);
        first.NewDueDate.ShouldBe(new DateOnly(2024, 12, 31));
        first.Reason.ShouldBe("Visas delayed");

        var second = Reschedule(new DateOnly(2025, 3, 31), first).ShouldDecide<MilestoneRescheduled>();
        second.PreviousDueDate.ShouldBe(new DateOnly(2024, 12, 31));

        var milestone = Given.Workstream(Planned(), first, second).FindMilestone(MilestoneId)!;
        milestone.BaselineDueDate.ShouldBe(Due);
        milestone.DueDate.ShouldBe(new DateOnly(2025, 3, 31));
        milestone.VarianceDays.ShouldBe(182);
        milestone.RescheduleCount.ShouldBe(2);
    }

    [Fact]
    public void bringing_a_milestone_forward_shows_a_negative_variance()
    {
        var earlier = Reschedule(new DateOnly(2024, 9, 20)).ShouldDecide<MilestoneRescheduled>();

        Given.Workstream(Planned(), earlier).FindMilestone(MilestoneId)!.VarianceDays.ShouldBe(-10);
    }

    [Fact]
    public void the_same_due_date_is_not_a_change() =>
        Reschedule(Due).ShouldRefuse(RefusalKind.Invalid, "newDueDate", "same-due-date");

    [Fact]
    public void a_date_after_the_agreement_ends_is_refused() =>
        Reschedule(new DateOnly(2027, 1, 1)).ShouldRefuse(RefusalKind.Invalid, "newDueDate", "outside-validity");

    [Fact]
    public void a_date_before_the_agreement_starts_is_refused() =>
        Reschedule(new DateOnly(2023, 5, 31)).ShouldRefuse(RefusalKind.Invalid, "newDueDate", "outside-validity");

    [Fact]
    public void an_extension_of_the_agreement_makes_room_for_a_later_date()
    {
        var extended = Given.Agreement(new AgreementExtended(Given.AgreementId, new PartialDate(2026, 12, 31), new PartialDate(2028), "Extended by protocol"));

        RescheduleMilestone.Decide(new RescheduleMilestone(new DateOnly(2027, 6, 30), "Waiting for the extension"),
                Given.Workstream(Planned()), extended.Validity, MilestoneId)
            .ShouldDecide<MilestoneRescheduled>().NewDueDate.ShouldBe(new DateOnly(2027, 6, 30));
    }

    [Fact]
    public void a_completed_milestone_cannot_be_rescheduled() =>
        Reschedule(new DateOnly(2024, 12, 31), Completed(new DateOnly(2024, 6, 1)))
            .ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-completed");

    [Fact]
    public void a_cancelled_milestone_cannot_be_rescheduled() =>
        Reschedule(new DateOnly(2024, 12, 31), Cancelled(new DateOnly(2024, 6, 1)))
            .ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-cancelled");

    [Fact]
    public void a_blocked_milestone_can_be_rescheduled() =>
        Reschedule(new DateOnly(2024, 12, 31), Blocked(new DateOnly(2024, 6, 1))).ShouldDecide<MilestoneRescheduled>();

    [Fact]
    public void an_unknown_milestone_is_not_found() =>
        RescheduleMilestone.Decide(new RescheduleMilestone(Due, "x"), Given.Workstream(), Validity, MilestoneId)
            .ShouldRefuse(RefusalKind.NotFound, "milestoneId", "not-found");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void a_reason_is_required(string reason) =>
        RescheduleMilestoneEndpoint.Validate(new RescheduleMilestone(Due, reason)).ShouldName("reason", "required");

    [Fact]
    public void an_oversized_reason_is_refused() =>
        RescheduleMilestoneEndpoint.Validate(new RescheduleMilestone(Due, new string('x', 4001))).ShouldName("reason", "max-length");

    [Fact]
    public void a_date_of_year_one_is_a_typing_slip() =>
        RescheduleMilestoneEndpoint.Validate(new RescheduleMilestone(new DateOnly(1, 1, 1), "x")).ShouldName("newDueDate", "range");
}
