using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;

namespace ProgramTracker.UnitTests;

public class when_a_milestone_is_planned_and_completed
{
    private static readonly Guid MilestoneId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a1");
    private static readonly DateOnly Today = new(2024, 6, 30);

    [Fact]
    public void planning_inside_the_validity_period_plans_it_with_a_baseline()
    {
        var agreement = Given.Agreement();
        var decision = PlanMilestone.Decide(new PlanMilestone(new LocalizedText(En: "Delegation received"), new DateOnly(2024, 9, 30), 2),
            Given.Workstream(), agreement.Validity, MilestoneId);

        var planned = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<MilestonePlanned>();
        planned.DueDate.ShouldBe(new DateOnly(2024, 9, 30));
        planned.Weight.ShouldBe(2);
        planned.AgreementId.ShouldBe(Given.AgreementId);

        var milestone = Given.Workstream(planned).FindMilestone(MilestoneId).ShouldNotBeNull();
        milestone.BaselineDueDate.ShouldBe(milestone.DueDate);
        milestone.Status.ShouldBe(MilestoneStatus.Planned);
    }

    [Fact]
    public void a_due_date_outside_the_agreement_validity_is_refused()
    {
        var decision = PlanMilestone.Decide(new PlanMilestone(new LocalizedText(En: "Too late"), new DateOnly(2027, 3, 1)),
            Given.Workstream(), Given.Agreement().Validity, MilestoneId);

        decision.Events.ShouldBeEmpty();
        decision.Refusal.ShouldNotBeNull().Field.ShouldBe("dueDate");
        decision.Refusal.Rule.ShouldBe("outside-validity");
    }

    [Fact]
    public void a_validity_known_only_to_the_year_is_judged_on_that_year()
    {
        var validity = new ValidityPeriod(null, new PartialDate(2026));
        var workstream = Given.Workstream();

        PlanMilestone.Decide(new PlanMilestone(new LocalizedText(En: "ok"), new DateOnly(2026, 12, 31)), workstream, validity, MilestoneId)
            .Accepted.ShouldBeTrue();
        PlanMilestone.Decide(new PlanMilestone(new LocalizedText(En: "late"), new DateOnly(2027, 1, 1)), workstream, validity, MilestoneId)
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("outside-validity");
    }

    [Fact]
    public void completing_makes_it_count_fully_towards_weighted_progress()
    {
        object[] history =
        [
            Given.Planned(MilestoneId, new DateOnly(2024, 6, 1), weight: 3),
            Given.Planned(Guid.Parse("0195d3a0-0000-7000-8000-0000000000a2"), new DateOnly(2024, 12, 1), weight: 1),
        ];

        var decision = CompleteMilestone.Decide(new CompleteMilestone(new DateOnly(2024, 5, 28)), Given.Workstream(history), MilestoneId, Today);

        var completed = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<MilestoneCompleted>();
        completed.CompletedOn.ShouldBe(new DateOnly(2024, 5, 28));
        Given.Workstream([.. history, completed]).PercentComplete.ShouldBe(75m);
    }

    [Fact]
    public void completing_a_cancelled_milestone_is_refused()
    {
        var workstream = Given.Workstream(
            Given.Planned(MilestoneId, new DateOnly(2024, 6, 1)),
            new MilestoneCancelled(Given.WorkstreamId, Given.AgreementId, MilestoneId, "Dropped by the committee", new DateOnly(2024, 3, 1)));

        var refusal = CompleteMilestone.Decide(new CompleteMilestone(new DateOnly(2024, 5, 28)), workstream, MilestoneId, Today)
            .Refusal.ShouldNotBeNull();

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Rule.ShouldBe("milestone-cancelled");
    }

    [Fact]
    public void completing_in_the_future_is_refused()
    {
        var workstream = Given.Workstream(Given.Planned(MilestoneId, new DateOnly(2024, 6, 1)));

        CompleteMilestone.Decide(new CompleteMilestone(Today.AddDays(1)), workstream, MilestoneId, Today)
            .Refusal.ShouldNotBeNull().Field.ShouldBe("completedOn");
    }

    [Fact]
    public void completing_an_unknown_milestone_is_not_found()
    {
        CompleteMilestone.Decide(new CompleteMilestone(Today), Given.Workstream(), Guid.NewGuid(), Today)
            .Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.NotFound);
    }
}
