using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

public class when_the_dashboard_summarises_a_workstream
{
    private static readonly Guid First = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a1");
    private static readonly Guid Second = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a2");
    private static readonly DateOnly Today = new(2025, 3, 1);
    private const int StaleAfterDays = 30;

    private static WorkstreamDashboardView Summary(params object[] events) => DashboardFigures.ForWorkstream(Given.Workstream(events), Today, StaleAfterDays);

    [Fact]
    public void a_workstream_without_milestones_is_not_rated()
    {
        Summary().Rag.ShouldBeNull();
    }

    [Fact]
    public void milestones_on_schedule_are_green()
    {
        var summary = Summary(Given.Planned(First, Today.AddDays(10)));
        summary.Rag.ShouldBe(Rag.Green);
        summary.RagAssessed.ShouldBeFalse();
    }

    [Fact]
    public void a_milestone_overdue_by_a_few_days_is_amber_and_long_overdue_is_red()
    {
        Summary(Given.Planned(First, Today.AddDays(-5))).Rag.ShouldBe(Rag.Amber);
        Summary(Given.Planned(First, Today.AddDays(-DashboardFigures.RedAfterDaysOverdue - 1))).Rag.ShouldBe(Rag.Red);
    }

    [Fact]
    public void a_slipped_or_blocked_milestone_is_amber_even_before_it_is_due()
    {
        Summary(Given.Planned(First, Today.AddDays(10)),
                new MilestoneRescheduled(Given.WorkstreamId, Given.AgreementId, First, Today.AddDays(10), Today.AddDays(40), "Late delivery"))
            .Rag.ShouldBe(Rag.Amber);
        Summary(Given.Planned(First, Today.AddDays(10)),
                new MilestoneBlocked(Given.WorkstreamId, Given.AgreementId, First, "No budget", Today))
            .Rag.ShouldBe(Rag.Amber);
    }

    [Fact]
    public void a_persons_assessment_wins_over_the_computed_rating()
    {
        var summary = Summary(Given.Planned(First, Today.AddDays(-90)),
            new StatusAssessed(Given.WorkstreamId, Given.AgreementId, Rag.Green, "Agreed delay", "officer", null, Today));
        summary.Rag.ShouldBe(Rag.Green);
        summary.RagAssessed.ShouldBeTrue();
    }

    [Fact]
    public void it_counts_done_and_overdue_milestones_leaving_out_cancelled_ones_and_names_the_next_due()
    {
        var third = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a3");
        var summary = Summary(
            Given.Planned(First, Today.AddDays(-20)),
            Given.Planned(Second, Today.AddDays(-3)),
            Given.Planned(third, Today.AddDays(30)),
            new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, First, Today.AddDays(-1), null, null),
            new MilestoneCancelled(Given.WorkstreamId, Given.AgreementId, third, "Dropped", Today));

        summary.MilestonesDone.ShouldBe(1);
        summary.MilestonesTotal.ShouldBe(2);
        summary.OverdueCount.ShouldBe(1);
        // The overdue milestone is counted as overdue, not offered as "next due": the same rule as the API's dashboard.
        summary.NextDue.ShouldBeNull();
        summary.PercentComplete.ShouldBe(50m);
    }

    [Fact]
    public void it_is_stale_when_no_event_came_in_for_more_than_the_stale_period()
    {
        var workstream = Given.Workstream(Given.Planned(First, Today.AddDays(10)));
        var lastUpdate = DateOnly.FromDateTime(workstream.LastUpdatedAt.UtcDateTime);
        DashboardFigures.ForWorkstream(workstream, lastUpdate.AddDays(StaleAfterDays), StaleAfterDays).Stale.ShouldBeFalse();
        DashboardFigures.ForWorkstream(workstream, lastUpdate.AddDays(StaleAfterDays + 1), StaleAfterDays).Stale.ShouldBeTrue();
        DashboardFigures.ForWorkstream(workstream, lastUpdate.AddDays(8), staleAfterDays: 7).Stale.ShouldBeTrue();
    }

    [Fact]
    public void an_agreement_takes_the_worst_rating_of_its_workstreams()
    {
        var onTrack = Given.Workstream(Given.Planned(First, Today.AddDays(10)));
        var offTrack = onTrack with { Id = Guid.NewGuid(), Milestones = [onTrack.Milestones[0] with { DueDate = Today.AddDays(-60), BaselineDueDate = Today.AddDays(-60) }] };

        var dashboard = DashboardFigures.Compute(Given.Agreement(), [onTrack, offTrack], Today, StaleAfterDays, null);

        dashboard.Rag.ShouldBe(Rag.Red);
        dashboard.MilestonesTotal.ShouldBe(2);
        dashboard.OverdueCount.ShouldBe(1);
    }

    [Fact]
    public void the_portfolio_line_gives_the_same_rating_as_the_whole_workstream()
    {
        var workstreams = new[]
        {
            Given.Workstream(Given.Planned(First, Today.AddDays(10))),
            Given.Workstream(Given.Planned(First, Today.AddDays(-5))),
            Given.Workstream(Given.Planned(First, Today.AddDays(-DashboardFigures.RedAfterDaysOverdue - 1))),
            Given.Workstream(Given.Planned(First, Today.AddDays(10)), new MilestoneBlocked(Given.WorkstreamId, Given.AgreementId, First, "No budget", Today)),
            Given.Workstream(Given.Planned(First, Today.AddDays(10)),
                new MilestoneRescheduled(Given.WorkstreamId, Given.AgreementId, First, Today.AddDays(10), Today.AddDays(40), "Late delivery")),
        };

        foreach (var workstream in workstreams)
        {
            var line = DashboardFigures.Summary(PortfolioLine.Of(Given.Agreement(), [workstream], null), Today, StaleAfterDays).Workstreams.Single();
            var whole = DashboardFigures.ForWorkstream(workstream, Today, StaleAfterDays);
            (line.Rag, line.RagAssessed).ShouldBe((whole.Rag, whole.RagAssessed));
        }
    }

    [Fact]
    public void a_milestone_overdue_by_exactly_the_red_threshold_is_still_amber()
    {
        Summary(Given.Planned(First, Today.AddDays(-DashboardFigures.RedAfterDaysOverdue))).Rag.ShouldBe(Rag.Amber);
    }

    [Fact]
    public void completed_and_cancelled_milestones_leave_the_rating_green()
    {
        var summary = Summary(
            Given.Planned(First, Today.AddDays(-60)),
            Given.Planned(Second, Today.AddDays(-60)),
            new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, First, Today.AddDays(-61), null, null),
            new MilestoneCancelled(Given.WorkstreamId, Given.AgreementId, Second, "Dropped", Today));

        summary.Rag.ShouldBe(Rag.Green);
        summary.RagAssessed.ShouldBeFalse();
    }

    [Fact]
    public void an_agreement_without_rated_workstreams_has_no_rating()
    {
        DashboardFigures.Compute(Given.Agreement(), [Given.Workstream()], Today, StaleAfterDays, null).Rag.ShouldBeNull();
    }

    [Fact]
    public void the_last_update_of_an_agreement_counts_its_own_events_too()
    {
        var workstream = Given.Workstream();
        var agreement = Given.Agreement(new AgreementStatusChanged(Given.AgreementId, AgreementStatus.InForce, AgreementStatus.Expired, null, "Ended"));

        agreement.UpdatedAt.ShouldBe(Given.Start.AddDays(1));
        DashboardFigures.Compute(agreement, [workstream], Today, StaleAfterDays, agreement.UpdatedAt).LastEventAt.ShouldBe(Given.Start.AddDays(1));
        DashboardFigures.Compute(agreement, [workstream], Today, StaleAfterDays, null).LastEventAt.ShouldBe(workstream.LastUpdatedAt);
    }
}
