using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Web;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

public class when_the_dashboard_summarises_a_workstream
{
    private static readonly Guid First = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a1");
    private static readonly Guid Second = Guid.Parse("0195d3a0-0000-7000-8000-0000000000a2");
    private static readonly DateOnly Today = new(2025, 3, 1);
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static WorkstreamDashboard Summary(params object[] events) => DashboardReads.Build(Given.Workstream(events), Today);

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
        Summary(Given.Planned(First, Today.AddDays(-DashboardReads.RedAfterDaysOverdue - 1))).Rag.ShouldBe(Rag.Red);
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
        DashboardReads.Build(workstream, lastUpdate.AddDays(DashboardReads.StaleAfterDays)).Stale.ShouldBeFalse();
        DashboardReads.Build(workstream, lastUpdate.AddDays(DashboardReads.StaleAfterDays + 1)).Stale.ShouldBeTrue();
    }

    [Fact]
    public void an_agreement_takes_the_worst_rating_of_its_workstreams()
    {
        var onTrack = Given.Workstream(Given.Planned(First, Today.AddDays(10)));
        var offTrack = onTrack with { Id = Guid.NewGuid(), Milestones = [onTrack.Milestones[0] with { DueDate = Today.AddDays(-60), BaselineDueDate = Today.AddDays(-60) }] };

        var dashboard = DashboardReads.Build(Given.Agreement(), [onTrack, offTrack], Now);

        dashboard.Rag.ShouldBe(Rag.Red);
        dashboard.MilestonesTotal.ShouldBe(2);
        dashboard.OverdueCount.ShouldBe(1);
    }
}

public class when_the_portfolio_is_filtered
{
    private static readonly AgreementDashboard Agreement = DashboardReads.Build(Given.Agreement(), [], DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("LA", null, null, null, true)]
    [InlineData("TH", null, null, null, false)]
    [InlineData(null, "vn-moha", null, null, true)]
    [InlineData(null, "th-mdes", null, null, false)]
    [InlineData(null, null, AgreementStatus.InForce, null, true)]
    [InlineData(null, null, AgreementStatus.Expired, null, false)]
    [InlineData(null, null, null, "hợp tác", true)]
    [InlineData(null, null, null, "HOME AFFAIRS", true)]
    [InlineData(null, null, null, "vn-la-moha", true)]
    [InlineData(null, null, null, "taxation", false)]
    public void it_matches_on_country_party_status_and_titles_in_any_language(string? country, string? party, AgreementStatus? status, string? q, bool matches)
    {
        new PortfolioFilter(country, party, status, q).Matches(Agreement).ShouldBe(matches);
    }
}
