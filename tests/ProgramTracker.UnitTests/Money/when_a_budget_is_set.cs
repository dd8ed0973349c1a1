using ProgramTracker.Api.Common;
using ProgramTracker.Api.Money;
using ProgramTracker.UnitTests.Workstreams;
using static ProgramTracker.UnitTests.Money.Funded;

namespace ProgramTracker.UnitTests.Money;

public class when_a_budget_is_set
{
    private static readonly BudgetLine[] TwoYears = [new(2024, "vn-moha", 100_000m), new(2025, "adb", 250_000m)];

    private static Decision Set(SetBudget command, params object[] history) =>
        SetBudget.Decide(command, Workstream(history), UsdWithSources(), Today);

    [Fact]
    public void the_first_budget_is_the_baseline()
    {
        var baselined = Set(new SetBudget(TwoYears)).ShouldDecide<BudgetBaselined>();
        baselined.Currency.ShouldBe("USD");
        baselined.Lines.Sum(l => l.Amount).ShouldBe(350_000m);
        baselined.SetOn.ShouldBe(Today);
    }

    [Fact]
    public void a_revision_replaces_the_current_budget_and_keeps_the_baseline()
    {
        var baseline = Baseline(TwoYears);
        var revised = Set(new SetBudget([new(2024, "vn-moha", 120_000m)], "Data centre cooling added"), baseline).ShouldDecide<BudgetRevised>();

        var money = Workstream(baseline, revised);
        money.Baseline!.Sum(l => l.Amount).ShouldBe(350_000m);
        money.Current!.Sum(l => l.Amount).ShouldBe(120_000m);
        money.Revisions.ShouldHaveSingleItem().Reason.ShouldBe("Data centre cooling added");
    }

    [Fact]
    public void a_revision_without_a_reason_is_refused() =>
        Set(new SetBudget(TwoYears), Baseline(TwoYears)).ShouldRefuse(RefusalKind.Invalid, "reason", "reason-required");

    [Fact]
    public void a_source_the_agreement_does_not_have_is_refused() =>
        Set(new SetBudget([new(2024, "vn-moha", 1m), new(2024, "unicef", 1m)])).ShouldRefuse(RefusalKind.Invalid, "lines[1].sourceId", "unknown-source");

    [Fact]
    public void more_decimals_than_the_reporting_currency_has_are_refused() =>
        Set(new SetBudget([new(2024, "vn-moha", 1.001m)])).ShouldRefuse(RefusalKind.Invalid, "lines[0].amount", "too-many-decimals");

    [Fact]
    public void a_budget_needs_the_reporting_currency() =>
        SetBudget.Decide(new SetBudget(TwoYears), Workstream(), Agreement(Party()), Today)
            .ShouldRefuse(RefusalKind.Conflict, "lines", "no-reporting-currency");

    [Fact]
    public void an_empty_budget_is_refused() => SetBudgetEndpoint.Validate(new SetBudget([])).ShouldName("lines", "required");

    [Fact]
    public void a_negative_line_is_refused() =>
        SetBudgetEndpoint.Validate(new SetBudget([new(2024, "vn-moha", -5m)])).ShouldName("lines[0].amount", "negative");

    [Fact]
    public void the_same_year_and_source_twice_is_refused() =>
        SetBudgetEndpoint.Validate(new SetBudget([new(2024, "adb", 5m), new(2024, "adb", 6m)])).ShouldName("lines", "duplicate-line");
}
