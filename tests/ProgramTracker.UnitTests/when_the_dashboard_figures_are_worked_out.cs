using System.Text.Json;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

public class when_the_dashboard_figures_are_worked_out
{
    private static readonly Guid Early = Guid.Parse("0195d3a0-0000-7000-8000-0000000000b1");
    private static readonly Guid Middle = Guid.Parse("0195d3a0-0000-7000-8000-0000000000b2");
    private static readonly Guid Late = Guid.Parse("0195d3a0-0000-7000-8000-0000000000b3");
    private static readonly Guid Dropped = Guid.Parse("0195d3a0-0000-7000-8000-0000000000b4");

    // Events are stamped a day apart from 2024-01-15, so the last of these five (with the opening) is recorded on 2024-01-19.
    private static Workstream Plan() => Given.Workstream(
        Given.Planned(Early, new DateOnly(2024, 3, 31), weight: 1),
        Given.Planned(Middle, new DateOnly(2024, 6, 30), weight: 2),
        Given.Planned(Late, new DateOnly(2024, 12, 31), weight: 1),
        new MilestoneRescheduled(Given.WorkstreamId, Given.AgreementId, Middle, new DateOnly(2024, 6, 30), new DateOnly(2024, 8, 15), "Venue not ready"));

    [Fact]
    public void milestones_past_due_and_not_done_are_overdue()
    {
        var figures = DashboardFigures.ForWorkstream(Plan(), new DateOnly(2024, 9, 1), staleAfterDays: 365);

        figures.OverdueCount.ShouldBe(2);
        figures.Milestones!.Where(m => m.Overdue).Select(m => m.Id).ShouldBe([Early, Middle], ignoreOrder: true);
    }

    [Fact]
    public void a_milestone_due_today_is_not_yet_overdue_and_is_next_due()
    {
        var figures = DashboardFigures.ForWorkstream(Plan(), new DateOnly(2024, 3, 31), staleAfterDays: 365);

        figures.OverdueCount.ShouldBe(0);
        figures.NextDue.ShouldNotBeNull().MilestoneId.ShouldBe(Early);
    }

    [Fact]
    public void completed_and_cancelled_milestones_are_never_overdue_nor_next()
    {
        var workstream = Given.Workstream(
            Given.Planned(Early, new DateOnly(2024, 3, 31)),
            Given.Planned(Dropped, new DateOnly(2024, 4, 30)),
            Given.Planned(Late, new DateOnly(2024, 12, 31)),
            new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, Early, new DateOnly(2024, 4, 2), null, null),
            new MilestoneCancelled(Given.WorkstreamId, Given.AgreementId, Dropped, "Merged into the later one", new DateOnly(2024, 1, 20)));

        var figures = DashboardFigures.ForWorkstream(workstream, new DateOnly(2024, 5, 1), staleAfterDays: 365);

        figures.OverdueCount.ShouldBe(0);
        figures.NextDue.ShouldNotBeNull().MilestoneId.ShouldBe(Late);
        figures.MilestonesDone.ShouldBe(1);
        figures.MilestonesTotal.ShouldBe(2);
    }

    [Fact]
    public void the_variance_is_the_days_between_the_baseline_and_the_current_due_date()
    {
        var middle = DashboardFigures.ForWorkstream(Plan(), new DateOnly(2024, 2, 1), 365).Milestones!.Single(m => m.Id == Middle);

        middle.BaselineDueDate.ShouldBe(new DateOnly(2024, 6, 30));
        middle.DueDate.ShouldBe(new DateOnly(2024, 8, 15));
        middle.VarianceDays.ShouldBe(46);
    }

    [Fact]
    public void progress_is_weighted_by_milestone_weight()
    {
        var workstream = Given.Workstream(
            Given.Planned(Early, new DateOnly(2024, 3, 31), weight: 1),
            Given.Planned(Middle, new DateOnly(2024, 6, 30), weight: 3),
            new MilestoneProgressReported(Given.WorkstreamId, Given.AgreementId, Middle, 50, "Half the officials trained", null, new DateOnly(2024, 1, 18)));

        var dashboard = DashboardFigures.Compute(Given.Agreement(), [workstream], new DateOnly(2024, 2, 1), 30, null);

        dashboard.Workstreams.ShouldHaveSingleItem().PercentComplete.ShouldBe(37.5m);
        dashboard.PercentComplete.ShouldBe(37.5m);
    }

    [Fact]
    public void a_workstream_with_no_update_for_longer_than_the_threshold_is_stale()
    {
        var workstream = Plan();
        // Last event on 2024-01-19: 30 days later it is still fresh, 31 days later it is stale.
        DashboardFigures.ForWorkstream(workstream, new DateOnly(2024, 2, 18), 30).Stale.ShouldBeFalse();
        var stale = DashboardFigures.ForWorkstream(workstream, new DateOnly(2024, 2, 19), 30);

        stale.DaysSinceUpdate.ShouldBe(31);
        stale.Stale.ShouldBeTrue();
    }

    [Fact]
    public void a_finished_workstream_does_not_go_stale()
    {
        var workstream = Given.Workstream(
            Given.Planned(Early, new DateOnly(2024, 3, 31)),
            new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, Early, new DateOnly(2024, 1, 16), null, null));

        DashboardFigures.ForWorkstream(workstream, new DateOnly(2025, 1, 1), 30).Stale.ShouldBeFalse();
    }

    [Fact]
    public void the_agreement_totals_add_up_its_workstreams()
    {
        var other = Plan() with { Id = Guid.Parse("0195d3a0-0000-7000-8000-0000000000c1") };
        var today = new DateOnly(2024, 9, 1);

        var dashboard = DashboardFigures.Compute(Given.Agreement(), [Plan(), other], today, staleAfterDays: 30, agreementUpdatedAt: null);

        dashboard.Code.ShouldBe("VN-LA-MOHA-2023");
        dashboard.AsOf.ShouldBe(today);
        dashboard.MilestonesTotal.ShouldBe(6);
        dashboard.OverdueCount.ShouldBe(4);
        dashboard.StaleCount.ShouldBe(2);
        dashboard.LastEventAt.ShouldBe(Plan().LastUpdatedAt);
        dashboard.Summary().Workstreams.ShouldAllBe(w => w.Milestones == null && w.Indicators == null);
    }

    [Theory]
    [InlineData("2024-01-20")]
    [InlineData("2024-04-01")]
    [InlineData("2024-09-01")]
    [InlineData("2025-06-01")]
    public void the_portfolio_line_gives_the_same_summary_as_the_whole_dashboard(string day)
    {
        var today = DateOnly.Parse(day);
        var busy = Given.Workstream(
            Given.Planned(Early, new DateOnly(2024, 3, 31), weight: 1),
            Given.Planned(Middle, new DateOnly(2024, 6, 30), weight: 2),
            Given.Planned(Late, new DateOnly(2024, 12, 31), weight: 1),
            Given.Planned(Dropped, new DateOnly(2024, 5, 1), weight: 3),
            new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, Early, new DateOnly(2024, 1, 16), null, null),
            new MilestoneCancelled(Given.WorkstreamId, Given.AgreementId, Dropped, "Not needed", new DateOnly(2024, 1, 17)),
            new StatusAssessed(Given.WorkstreamId, Given.AgreementId, Rag.Amber, "Venue late", "chair", null, new DateOnly(2024, 1, 18),
                Guid.Parse("0195d3a0-0000-7000-8000-0000000000e1")));
        var finished = Given.Workstream(
            Given.Planned(Early, new DateOnly(2024, 3, 31)),
            new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, Early, new DateOnly(2024, 1, 16), null, null)) with
        {
            Id = Guid.Parse("0195d3a0-0000-7000-8000-0000000000c2"),
        };
        var workstreams = new[] { Plan(), busy with { Id = Guid.Parse("0195d3a0-0000-7000-8000-0000000000c1") }, finished, Given.Workstream() with
        {
            Id = Guid.Parse("0195d3a0-0000-7000-8000-0000000000c3"),
        } };
        var agreementUpdatedAt = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);

        var whole = DashboardFigures.Compute(Given.Agreement(), workstreams, today, 30, agreementUpdatedAt).Summary();
        var fromLine = DashboardFigures.Summary(PortfolioLine.Of(Given.Agreement(), workstreams, agreementUpdatedAt), today, 30);

        JsonSerializer.Serialize(fromLine).ShouldBe(JsonSerializer.Serialize(whole));
        fromLine.Workstreams.Select(w => w.NextDue is null).ShouldContain(true);
        fromLine.Workstreams.Select(w => w.LastCommitteeReview is null).ShouldContain(false);

        // Stored as Marten stores it and read back, the line holds no titles; with the next-due titles read by id
        // (as the portfolio reads them from the scheduled-milestone index) it gives the same summary again.
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        var json = JsonSerializer.Serialize(PortfolioLine.Of(Given.Agreement(), workstreams, agreementUpdatedAt).ForStorage(), options);
        var stored = JsonSerializer.Deserialize<PortfolioLine>(json, options)!;
        stored.Complete.ShouldBeTrue();
        stored.Workstreams.ShouldAllBe(w => w.OpenTitles == null);
        var titles = workstreams.SelectMany(w => w.Milestones).DistinctBy(m => m.Id).ToDictionary(m => m.Id, m => m.Title);
        var asked = new List<Guid>();
        var fromStored = DashboardFigures.Summary(stored, today, 30, (_, id) => { asked.Add(id); return titles[id]; });
        JsonSerializer.Serialize(fromStored).ShouldBe(JsonSerializer.Serialize(whole));
        asked.Cast<Guid?>().ShouldBe(DashboardFigures.NextDueIds(stored, today).ToList(), ignoreOrder: true);
        asked.Count.ShouldBe(fromStored.Workstreams.Count(w => w.NextDue is not null));
    }

    [Fact]
    public void a_stored_line_keeps_its_open_milestones_as_ids_and_due_days_and_no_titles()
    {
        var workstream = Plan();
        var json = JsonSerializer.Serialize(PortfolioLine.Of(Given.Agreement(), [workstream], null).ForStorage(),
            new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        foreach (var milestone in workstream.Milestones) json.ShouldNotContain(JsonSerializer.Serialize(milestone.Title));
        json.ShouldContain($"\"OpenDue\":[{new DateOnly(2024, 3, 31).DayNumber},{new DateOnly(2024, 8, 15).DayNumber},{new DateOnly(2024, 12, 31).DayNumber}]");
        json.ShouldContain($"\"OpenIds\":[\"{Early}\",\"{Middle}\",\"{Late}\"]");
        json.ShouldNotContain("\"MilestonesDone\":0");
        json.ShouldContain("\"OpenSlipped\":true");
    }

    [Fact]
    public void a_stored_line_leaves_out_the_ids_of_milestones_overdue_before_the_latest_event_and_a_day_before_that_asks_for_the_whole()
    {
        // Planned, then a progress report on 2024-06-02 (events a day apart from 2024-01-15, so this one lands later):
        // Early (due 2024-03-31) was overdue more than a day before it.
        var workstream = Plan() with { LastUpdatedAt = new DateTimeOffset(2024, 6, 2, 9, 0, 0, TimeSpan.Zero) };
        var stored = PortfolioLine.Of(Given.Agreement(), [workstream], null).ForStorage();

        stored.Workstreams.Single().OpenIds.ShouldBe([null, Middle, Late]);
        DashboardFigures.NextDueIds(stored, new DateOnly(2024, 6, 1)).ShouldBe([Middle]);
        DashboardFigures.NextDueIds(stored, new DateOnly(2025, 1, 1)).ShouldBeEmpty();
        // A clock set before the workstream's own events: the next due one may be a milestone whose id was left out.
        DashboardFigures.NextDueIds(stored, new DateOnly(2024, 3, 1)).ShouldBe([(Guid?)null]);
    }

    [Fact]
    public void a_stored_line_reads_back_to_the_same_json_its_lists_as_arrays_of_their_own_length()
    {
        // Stored as Marten stores it (nulls left out), with an id left out of OpenIds, then read back and stored again.
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        var workstream = Plan() with { LastUpdatedAt = new DateTimeOffset(2024, 6, 2, 9, 0, 0, TimeSpan.Zero) };
        var json = JsonSerializer.Serialize(PortfolioLine.Of(Given.Agreement(), [workstream, Given.Workstream()], null).ForStorage(), options);

        var stored = JsonSerializer.Deserialize<PortfolioLine>(json, options)!;

        JsonSerializer.Serialize(stored, options).ShouldBe(json);
        var read = stored.Workstreams[0];
        read.OpenIds.ShouldBeOfType<Guid?[]>().ShouldBe([null, Middle, Late]);
        read.OpenDue.ShouldBeOfType<int[]>().Length.ShouldBe(3);
        stored.Workstreams[1].OpenIds.ShouldBeEmpty();
        // Members left out of the stored JSON (zero counts, false flags) read as their parameters' defaults.
        json.ShouldNotContain("\"PendingSubmissions\"");
        (read.PendingSubmissions, read.Corrections, read.IsSample).ShouldBe((0, 0, false));
        // A line stored before the lists existed reads them as null, not empty.
        var before = JsonSerializer.Deserialize<PortfolioWorkstream>(
            """{"WorkstreamId":"0195d3a0-0000-7000-8000-0000000000c9","Code":"OLD","Title":{"En":"Old"},"MilestonesTotal":2,"LastUpdatedAt":"2024-01-15T00:00:00+00:00"}""",
            options)!;
        (before.OpenIds is null, before.OpenDue is null, before.Complete).ShouldBe((true, true, false));
    }

    [Fact]
    public void an_indicator_shows_its_latest_measurement_against_the_target()
    {
        var indicator = Guid.Parse("0195d3a0-0000-7000-8000-0000000000d1");
        var workstream = Given.Workstream(
            new IndicatorDefined(Given.WorkstreamId, Given.AgreementId, indicator, new("Lao officials trained"), "people", 0, 20, null, IndicatorPeriod.Annual, false),
            new IndicatorMeasured(Given.WorkstreamId, Given.AgreementId, indicator, 12, "2023", new DateOnly(2023, 12, 31), null, null),
            new IndicatorMeasured(Given.WorkstreamId, Given.AgreementId, indicator, 21, "2024", new DateOnly(2024, 12, 31), null, null));

        var view = DashboardFigures.ForWorkstream(workstream, new DateOnly(2025, 1, 1), 30).Indicators.ShouldNotBeNull().ShouldHaveSingleItem();

        view.TargetLow.ShouldBe(20);
        view.LatestValue.ShouldBe(21);
        view.LatestPeriod.ShouldBe("2024");
    }
}
