using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

public class when_the_history_of_a_workstream_is_told
{
    private static readonly Guid MilestoneId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000e1");

    // Stamped a day apart from 2024-01-15: opened 15th, planned 16th, progress 17th, rescheduled 18th, assessed 19th.
    private static readonly object[] Events =
    [
        Given.Opened(),
        Given.Planned(MilestoneId, new DateOnly(2024, 6, 30)),
        new MilestoneProgressReported(Given.WorkstreamId, Given.AgreementId, MilestoneId, 40, "Curriculum drafted", null, new DateOnly(2024, 1, 17)),
        new MilestoneRescheduled(Given.WorkstreamId, Given.AgreementId, MilestoneId, new DateOnly(2024, 6, 30), new DateOnly(2024, 9, 30), "Trainers unavailable in June"),
        new StatusAssessed(Given.WorkstreamId, Given.AgreementId, Rag.Amber, "Slipped one quarter", "Ms Vongsa", "la-moha", new DateOnly(2024, 1, 19)),
    ];

    [Fact]
    public void each_event_is_told_in_words_naming_the_milestone_with_the_reason_apart()
    {
        var history = History.Tell(Given.Stamped(Events));

        history.Count.ShouldBe(5);
        history[2].Summary.ShouldContain("40%");
        history[2].Summary.ShouldContain("Curriculum drafted");
        history[3].Type.ShouldBe(nameof(MilestoneRescheduled));
        history[3].Summary.ShouldContain("from 2024-06-30 to 2024-09-30");
        history[3].Summary.ShouldContain("'Milestone");
        history[3].Reason.ShouldBe("Trainers unavailable in June");
        history[4].Summary.ShouldBe("Rated amber by Ms Vongsa for la-moha on 2024-01-19.");
        history[4].Reason.ShouldBe("Slipped one quarter");
        history[1].Reason.ShouldBeNull();
    }

    [Fact]
    public void the_changes_between_two_days_compare_before_and_after()
    {
        var changes = Changes.OfWorkstream(Given.WorkstreamId, [.. Given.Stamped(Events)], new DateOnly(2024, 1, 17), new DateOnly(2024, 1, 18));

        changes.Events.ShouldNotBeNull().Select(e => e.Type).ShouldBe([nameof(MilestoneProgressReported), nameof(MilestoneRescheduled)]);
        var milestone = changes.Milestones.ShouldHaveSingleItem();
        milestone.Before.ShouldBe(new MilestoneFigures(MilestoneStatus.Planned, new DateOnly(2024, 6, 30), 0));
        milestone.After.ShouldBe(new MilestoneFigures(MilestoneStatus.InProgress, new DateOnly(2024, 9, 30), 40));
        changes.Before.ShouldNotBeNull().PercentComplete.ShouldBe(0);
        changes.After.ShouldNotBeNull().PercentComplete.ShouldBe(40);
        changes.After.Rag.ShouldBeNull();
    }

    [Fact]
    public void a_rating_given_in_the_window_shows_as_rag_before_and_after()
    {
        var changes = Changes.OfWorkstream(Given.WorkstreamId, [.. Given.Stamped(Events)], new DateOnly(2024, 1, 19), new DateOnly(2024, 1, 31));

        changes.Before.ShouldNotBeNull().Rag.ShouldBeNull();
        changes.After.ShouldNotBeNull().Rag.ShouldBe(Rag.Amber);
        changes.Milestones.ShouldBeEmpty();
    }

    [Fact]
    public void before_the_workstream_existed_there_is_no_before()
    {
        var changes = Changes.OfWorkstream(Given.WorkstreamId, [.. Given.Stamped(Events)], new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 16));

        changes.Before.ShouldBeNull();
        changes.After.ShouldNotBeNull();
        changes.Milestones.ShouldHaveSingleItem().Before.ShouldBeNull();
    }
}
