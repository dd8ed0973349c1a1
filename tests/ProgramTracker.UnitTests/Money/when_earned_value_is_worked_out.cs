using ProgramTracker.Api.Money;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.UnitTests.Workstreams;
using static ProgramTracker.UnitTests.Money.Funded;

namespace ProgramTracker.UnitTests.Money;

public class when_earned_value_is_worked_out
{
    private static readonly Guid First = Guid.Parse("0195d3a0-0000-7000-8000-0000000000f1");
    private static readonly Guid Second = Guid.Parse("0195d3a0-0000-7000-8000-0000000000f2");

    // Two milestones, weights 1 and 3, due at the end of March and of September; a budget of 100,000 USD.
    private static Workstream Plan(params object[] more) => Given.Workstream([
        Given.Planned(First, new DateOnly(2024, 3, 31), 1), Given.Planned(Second, new DateOnly(2024, 9, 30), 3), .. more]);

    private static WorkstreamMoneyView Figures(Workstream workstream, DateOnly day, params MoneyRecorded[] spent) =>
        MoneyFigures.ForWorkstream(Workstream([Baseline(new BudgetLine(2024, "vn-moha", 100_000m)), .. spent]), workstream, UsdWithSources(), day);

    [Fact]
    public void planned_value_is_the_budget_times_the_weight_due_by_then()
    {
        Figures(Plan(), new DateOnly(2024, 3, 30)).EarnedValue.PlannedValue.ShouldBe(0m);
        Figures(Plan(), new DateOnly(2024, 3, 31)).EarnedValue.PlannedValue.ShouldBe(25_000m);
        Figures(Plan(), new DateOnly(2024, 10, 1)).EarnedValue.PlannedValue.ShouldBe(100_000m);
    }

    [Fact]
    public void a_rescheduled_milestone_still_plans_its_value_on_its_baseline_date() =>
        Figures(Plan(new MilestoneRescheduled(Given.WorkstreamId, Given.AgreementId, First, new DateOnly(2024, 3, 31), new DateOnly(2024, 8, 31), "Late")),
            new DateOnly(2024, 4, 1)).EarnedValue.PlannedValue.ShouldBe(25_000m);

    [Fact]
    public void on_plan_and_on_budget_there_is_no_note()
    {
        var done = Plan(new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, First, new DateOnly(2024, 3, 20), null, null));
        var ev = Figures(done, new DateOnly(2024, 4, 15), Spent(25_000m, new DateOnly(2024, 3, 15))).EarnedValue;

        ev.EarnedValue.ShouldBe(25_000m);
        ev.ActualCost.ShouldBe(25_000m);
        ev.CostPerformanceIndex.ShouldBe(1m);
        ev.SchedulePerformanceIndex.ShouldBe(1m);
        ev.Warnings.ShouldBeEmpty();
        ev.Note.ShouldBeNull();
    }

    [Fact]
    public void spending_more_than_the_work_earned_is_a_cost_warning()
    {
        var done = Plan(new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, First, new DateOnly(2024, 3, 20), null, null));
        var ev = Figures(done, new DateOnly(2024, 4, 15), Spent(40_000m, new DateOnly(2024, 3, 15))).EarnedValue;

        ev.CostPerformanceIndex.ShouldBe(0.63m);
        ev.Warnings.ShouldBe(["cost"]);
        ev.Note.ShouldNotBeNull().ShouldContain("Over budget");
    }

    [Fact]
    public void work_not_done_by_its_baseline_is_a_schedule_warning()
    {
        var ev = Figures(Plan(), new DateOnly(2024, 4, 15), Spent(10_000m, new DateOnly(2024, 3, 15))).EarnedValue;

        ev.EarnedValue.ShouldBe(0m);
        ev.SchedulePerformanceIndex.ShouldBe(0m);
        ev.CostPerformanceIndex.ShouldBe(0m);
        ev.Warnings.ShouldBe(["cost", "schedule"]);
        ev.Note.ShouldNotBeNull().ShouldContain("Behind schedule");
    }

    [Fact]
    public void progress_reports_do_not_earn_value_before_completion() =>
        Figures(Plan(new MilestoneProgressReported(Given.WorkstreamId, Given.AgreementId, First, 90, "Nearly", null, new DateOnly(2024, 3, 1))),
            new DateOnly(2024, 3, 2)).EarnedValue.EarnedValue.ShouldBe(0m);

    [Fact]
    public void nothing_spent_has_no_cost_index() => Figures(Plan(), new DateOnly(2024, 4, 1)).EarnedValue.CostPerformanceIndex.ShouldBeNull();

    [Fact]
    public void the_totals_and_the_burn_by_month_add_up()
    {
        var view = Figures(Plan(), new DateOnly(2024, 4, 30),
            Spent(30_000m, new DateOnly(2024, 2, 1), MoneyKind.Commitment),
            Spent(8_000m, new DateOnly(2024, 2, 10), MoneyKind.Disbursement),
            Spent(1_000m, new DateOnly(2024, 2, 12)),
            Spent(2_500.50m, new DateOnly(2024, 4, 3)));

        view.BaselineBudget.ShouldBe(100_000m);
        view.CurrentBudget.ShouldBe(100_000m);
        view.Committed.ShouldBe(30_000m);
        view.Disbursed.ShouldBe(8_000m);
        view.Spent.ShouldBe(3_500.50m);
        view.Remaining.ShouldBe(96_499.50m);
        view.BurnByMonth.Select(m => m.Month).ShouldBe(["2024-02", "2024-03", "2024-04"]);
        view.BurnByMonth.Select(m => m.CumulativeSpent).ShouldBe([1_000m, 1_000m, 3_500.50m]);
        view.BurnByMonth.Select(m => m.PlannedValue).ShouldBe([0m, 25_000m, 25_000m]);
    }

    [Fact]
    public void an_agreement_adds_its_workstreams_and_figures_its_indices_from_the_sums()
    {
        var done = Plan(new MilestoneCompleted(Given.WorkstreamId, Given.AgreementId, First, new DateOnly(2024, 3, 20), null, null));
        var money = Workstream(Baseline(new BudgetLine(2024, "vn-moha", 100_000m)), Spent(50_000m, new DateOnly(2024, 3, 1)));
        var view = MoneyFigures.ForAgreement(UsdWithSources(), [(done, money), (Plan(), money)], new DateOnly(2024, 4, 1));

        view.CurrentBudget.ShouldBe(200_000m);
        view.Spent.ShouldBe(100_000m);
        view.EarnedValue.PlannedValue.ShouldBe(50_000m);
        view.EarnedValue.EarnedValue.ShouldBe(25_000m);
        view.EarnedValue.CostPerformanceIndex.ShouldBe(0.25m);
        view.EarnedValue.SchedulePerformanceIndex.ShouldBe(0.5m);
        view.Workstreams.Count.ShouldBe(2);
    }

    [Fact]
    public void twelve_years_of_figures_burn_month_by_month_as_each_month_counts_them()
    {
        // Entries of every kind over twelve years (more than MaxMonths), and milestones of several weights, one cancelled.
        var random = new Random(18);
        var start = new DateOnly(2013, 5, 17);
        var day = new DateOnly(2025, 6, 20);
        var entries = Enumerable.Range(0, 400)
            .Select(_ => Spent(random.Next(1, 100_000) / 100m, start.AddDays(random.Next(day.DayNumber - start.DayNumber + 1)),
                (MoneyKind)random.Next(3)))
            .ToArray();
        var ids = Enumerable.Range(1, 12).Select(i => Guid.Parse($"0195d3a0-0000-7000-8000-{i:x12}")).ToList();
        var workstream = Given.Workstream([
            .. ids.Select((id, i) => (object)Given.Planned(id, start.AddMonths(i * 13 + 2), 1 + i % 4)),
            new MilestoneCancelled(Given.WorkstreamId, Given.AgreementId, ids[5], "Dropped", start.AddMonths(40))]);

        var burn = Figures(workstream, day, entries).BurnByMonth;

        var first = new DateOnly(day.Year, day.Month, 1).AddMonths(-MoneyFigures.MaxMonths + 1);
        burn.Count.ShouldBe(MoneyFigures.MaxMonths);
        for (var i = 0; i < burn.Count; i++)
        {
            var month = first.AddMonths(i);
            var end = month.AddMonths(1).AddDays(-1);
            decimal Of(MoneyKind kind) => entries.Where(e => e.Kind == kind && e.Date >= month && e.Date <= end).Sum(e => e.ReportingAmount);
            burn[i].ShouldBe(new MonthOfMoney($"{month:yyyy-MM}", Of(MoneyKind.Commitment), Of(MoneyKind.Disbursement), Of(MoneyKind.Expenditure),
                entries.Where(e => e.Kind == MoneyKind.Expenditure && e.Date <= end).Sum(e => e.ReportingAmount),
                MoneyFigures.PlannedValue(end, 100_000m, workstream.Milestones, "USD")));
        }
    }
}
