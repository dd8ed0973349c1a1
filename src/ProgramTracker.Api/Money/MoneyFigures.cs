using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Money;

/// <summary>One budget line with its baseline and current amounts (either 0 when the line is only in the other).</summary>
public sealed record BudgetLineView(int Year, string SourceId, decimal Baseline, decimal Current);

/// <summary>A month's money, and the cumulative spending and planned value at its end: the chart's points.</summary>
public sealed record MonthOfMoney(string Month, decimal Committed, decimal Disbursed, decimal Spent, decimal CumulativeSpent, decimal? PlannedValue);

/// <summary>
/// Earned value on a day, in the reporting currency. PV: the current budget times the share of milestone weight whose
/// baseline due date has come; EV: the budget times the share of weight completed by then (a milestone earns its share
/// when completed, not before); AC: what was spent by then. CPI = EV / AC, SPI = EV / PV (null when divided by 0).
/// Cancelled milestones do not count. <see cref="Warnings"/> holds "cost" and/or "schedule" when CPI or SPI is below 0.9,
/// <see cref="Note"/> says it in plain English.
/// </summary>
public sealed record EarnedValueView(
    DateOnly On,
    decimal BudgetAtCompletion,
    decimal PlannedValue,
    decimal EarnedValue,
    decimal ActualCost,
    decimal? CostPerformanceIndex,
    decimal? SchedulePerformanceIndex,
    IReadOnlyList<string> Warnings,
    string? Note);

public sealed record MoneyEntryView(
    Guid Id,
    MoneyKind Kind,
    DateOnly Date,
    decimal Amount,
    string Currency,
    string SourceId,
    decimal Rate,
    DateOnly? RateEffectiveOn,
    decimal ReportingAmount,
    string? Counterparty,
    string? Reference,
    string? EvidenceUrl,
    bool IsSample);

/// <summary>
/// A workstream's money on a day, every amount in the agreement's reporting currency (<see cref="Currency"/>, null
/// until it is set): budgets, what was committed, disbursed and spent, what remains of the current budget, the burn by
/// month and earned value. The entries keep the amount, currency and rate each was recorded with. <see cref="Currencies"/>
/// are those a figure may be recorded in today: the reporting currency and those the agreement has rates for.
/// </summary>
public sealed record WorkstreamMoneyView(
    Guid WorkstreamId,
    Guid AgreementId,
    string? Currency,
    bool HasBudget,
    decimal BaselineBudget,
    decimal CurrentBudget,
    decimal Committed,
    decimal Disbursed,
    decimal Spent,
    decimal Remaining,
    IReadOnlyList<BudgetLineView> Budget,
    IReadOnlyList<BudgetRevision> Revisions,
    IReadOnlyList<MonthOfMoney> BurnByMonth,
    EarnedValueView EarnedValue,
    IReadOnlyList<MoneyEntryView> Entries,
    IReadOnlyList<FundingSource> Sources,
    IReadOnlyList<string> Currencies,
    bool IsSample);

public sealed record WorkstreamMoneyLine(Guid WorkstreamId, string Code, LocalizedText Title, WorkstreamMoneyView Money);

/// <summary>An agreement's money: its settings, the sums over its workstreams (same currency, so they add) and each workstream's line.</summary>
public sealed record AgreementMoneyView(
    Guid AgreementId,
    string? Currency,
    IReadOnlyList<FundingSource> Sources,
    IReadOnlyList<ExchangeRate> Rates,
    decimal BaselineBudget,
    decimal CurrentBudget,
    decimal Committed,
    decimal Disbursed,
    decimal Spent,
    decimal Remaining,
    IReadOnlyList<MonthOfMoney> BurnByMonth,
    EarnedValueView EarnedValue,
    IReadOnlyList<WorkstreamMoneyLine> Workstreams);

/// <summary>The money figures, worked out in one place for the API, the pages, the review pack and the exports.</summary>
public static class MoneyFigures
{
    public const decimal WarningBelow = 0.9m;
    public const int MaxMonths = 120;

    public static WorkstreamMoneyView ForWorkstream(WorkstreamMoney money, Workstream workstream, AgreementMoney? agreement, DateOnly day)
    {
        var currency = agreement?.ReportingCurrency ?? money.Currency;
        var entries = money.Entries.Where(e => e.Date <= day).ToList();
        decimal Sum(MoneyKind kind) => entries.Where(e => e.Kind == kind).Sum(e => e.ReportingAmount);

        var baseline = money.Baseline ?? [];
        var current = money.Current ?? [];
        var budget = baseline.Select(l => (l.Year, l.SourceId)).Union(current.Select(l => (l.Year, l.SourceId)))
            .Order()
            .Select(k => new BudgetLineView(k.Year, k.SourceId,
                baseline.Where(l => l.Year == k.Year && l.SourceId == k.SourceId).Sum(l => l.Amount),
                current.Where(l => l.Year == k.Year && l.SourceId == k.SourceId).Sum(l => l.Amount)))
            .ToList();
        var currentTotal = current.Sum(l => l.Amount);
        var spent = Sum(MoneyKind.Expenditure);
        var isSample = money.Entries.Count > 0 ? money.Entries.All(e => e.IsSample) : false;

        return new WorkstreamMoneyView(money.Id, money.AgreementId, currency, money.HasBudget, baseline.Sum(l => l.Amount), currentTotal,
            Sum(MoneyKind.Commitment), Sum(MoneyKind.Disbursement), spent, currentTotal - spent, budget, money.Revisions,
            Burn(entries, [(currentTotal, workstream.Milestones)], day, currency),
            EarnedValue(day, currentTotal, workstream.Milestones, spent, currency),
            [.. entries.OrderBy(e => e.Date).Select(e => new MoneyEntryView(e.Id, e.Kind, e.Date, e.Amount, e.Currency, e.SourceId, e.Rate,
                e.RateEffectiveOn, e.ReportingAmount, e.Counterparty, e.Reference, e.EvidenceUrl, e.IsSample))],
            agreement?.Sources ?? [],
            currency is null ? [] : [currency, .. (agreement?.Rates ?? []).Select(r => r.Currency).Distinct().Order(StringComparer.Ordinal)],
            isSample);
    }

    public static AgreementMoneyView ForAgreement(AgreementMoney agreement, IReadOnlyList<(Workstream Workstream, WorkstreamMoney Money)> workstreams,
        DateOnly day)
    {
        var lines = workstreams.Select(w => new WorkstreamMoneyLine(w.Workstream.Id, w.Workstream.Code, w.Workstream.Title,
            ForWorkstream(w.Money, w.Workstream, agreement, day))).ToList();
        var views = lines.Select(l => l.Money).ToList();
        var currency = agreement.ReportingCurrency;
        var pv = views.Sum(v => v.EarnedValue.PlannedValue);
        var ev = views.Sum(v => v.EarnedValue.EarnedValue);
        var ac = views.Sum(v => v.EarnedValue.ActualCost);
        var spent = views.Sum(v => v.Spent);
        var current = views.Sum(v => v.CurrentBudget);
        var entries = workstreams.SelectMany(w => w.Money.Entries.Where(e => e.Date <= day)).ToList();

        return new AgreementMoneyView(agreement.Id, currency, agreement.Sources,
            [.. agreement.Rates.OrderBy(r => r.Currency, StringComparer.Ordinal).ThenBy(r => r.EffectiveOn)],
            views.Sum(v => v.BaselineBudget), current, views.Sum(v => v.Committed), views.Sum(v => v.Disbursed), spent, current - spent,
            Burn(entries, [.. workstreams.Select(w => ((w.Money.Current ?? []).Sum(l => l.Amount), w.Workstream.Milestones))], day, currency),
            Indices(day, views.Sum(v => v.EarnedValue.BudgetAtCompletion), pv, ev, ac),
            lines);
    }

    public static EarnedValueView EarnedValue(DateOnly day, decimal budget, IReadOnlyList<Milestone> milestones, decimal actualCost, string? currency)
    {
        var pv = PlannedValue(day, budget, milestones, currency);
        var counted = milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();
        var total = counted.Sum(m => m.Weight);
        var earnedWeight = counted.Where(m => m.Status == MilestoneStatus.Completed && m.CompletedOn <= day).Sum(m => m.Weight);
        var ev = total == 0 ? 0 : RoundTo(budget * earnedWeight / total, currency);
        return Indices(day, budget, pv, ev, actualCost);
    }

    /// <summary>The current budget times the share of milestone weight whose baseline due date is on or before <paramref name="day"/>.</summary>
    public static decimal PlannedValue(DateOnly day, decimal budget, IReadOnlyList<Milestone> milestones, string? currency)
    {
        var counted = milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();
        var total = counted.Sum(m => m.Weight);
        if (total == 0) return 0;
        return RoundTo(budget * counted.Where(m => m.BaselineDueDate <= day).Sum(m => m.Weight) / total, currency);
    }

    private static EarnedValueView Indices(DateOnly day, decimal budget, decimal pv, decimal ev, decimal ac)
    {
        decimal? cpi = ac > 0 ? Math.Round(ev / ac, 2, MidpointRounding.AwayFromZero) : null;
        decimal? spi = pv > 0 ? Math.Round(ev / pv, 2, MidpointRounding.AwayFromZero) : null;
        var warnings = new List<string>();
        if (cpi < WarningBelow) warnings.Add("cost");
        if (spi < WarningBelow) warnings.Add("schedule");
        return new EarnedValueView(day, budget, pv, ev, ac, cpi, spi, warnings, NoteOf(cpi, spi));
    }

    /// <summary>The plain-language note when either index is below 0.9, in English (the pages word it from the warnings).</summary>
    public static string? NoteOf(decimal? cpi, decimal? spi)
    {
        var parts = new List<string>();
        if (cpi < WarningBelow)
            parts.Add($"Over budget: each 1.00 spent has delivered {cpi:0.00} of planned work (CPI {cpi:0.00}).");
        if (spi < WarningBelow)
            parts.Add($"Behind schedule: {spi * 100:0}% of the work planned by now is done (SPI {spi:0.00}).");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    /// <summary>
    /// The burn by month, from the month of the first entry (at most <see cref="MaxMonths"/> back) to the month of
    /// <paramref name="day"/>. One pass over the entries in date order and one over each plan's milestones in baseline
    /// order, however many months: it used to filter every entry and every plan's milestones again for each month, which
    /// for ten years of figures was 120 passes over each, a list and closures each time.
    /// </summary>
    private static IReadOnlyList<MonthOfMoney> Burn(IReadOnlyList<MoneyEntry> entries, IReadOnlyList<(decimal Budget, IReadOnlyList<Milestone> Milestones)> plans,
        DateOnly day, string? currency)
    {
        if (entries.Count == 0) return [];
        var byDate = entries.OrderBy(e => e.Date).ToList();
        var month = new DateOnly(byDate[0].Date.Year, byDate[0].Date.Month, 1);
        var last = new DateOnly(day.Year, day.Month, 1);
        if (last.AddMonths(-MaxMonths + 1) > month) month = last.AddMonths(-MaxMonths + 1);
        var next = 0;
        var cumulative = 0m;
        for (; next < byDate.Count && byDate[next].Date < month; next++)
            if (byDate[next].Kind == MoneyKind.Expenditure) cumulative += byDate[next].ReportingAmount;
        var planned = plans.Any(p => p.Milestones.Count > 0) ? plans.Select(p => new PlannedValueByDay(p.Budget, p.Milestones, currency)).ToList() : null;
        var months = new List<MonthOfMoney>();
        for (; month <= last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            decimal committed = 0, disbursed = 0, spent = 0;
            for (; next < byDate.Count && byDate[next].Date <= end; next++)
            {
                var entry = byDate[next];
                switch (entry.Kind)
                {
                    case MoneyKind.Commitment: committed += entry.ReportingAmount; break;
                    case MoneyKind.Disbursement: disbursed += entry.ReportingAmount; break;
                    case MoneyKind.Expenditure: spent += entry.ReportingAmount; break;
                }
            }
            cumulative += spent;
            months.Add(new MonthOfMoney($"{month:yyyy-MM}", committed, disbursed, spent, cumulative, planned?.Sum(p => p.On(end))));
        }
        return months;
    }

    /// <summary>
    /// <see cref="PlannedValue"/> of one plan on days asked in increasing order: the counted milestones sorted by
    /// baseline due date once, and the weight due so far carried from one day to the next.
    /// </summary>
    private sealed class PlannedValueByDay(decimal budget, IReadOnlyList<Milestone> milestones, string? currency)
    {
        private readonly Milestone[] _counted = [.. milestones.Where(m => m.Status != MilestoneStatus.Cancelled).OrderBy(m => m.BaselineDueDate)];
        private readonly decimal _total = milestones.Where(m => m.Status != MilestoneStatus.Cancelled).Sum(m => m.Weight);
        private int _next;
        private decimal _dueWeight;

        public decimal On(DateOnly day)
        {
            if (_total == 0) return 0;
            for (; _next < _counted.Length && _counted[_next].BaselineDueDate <= day; _next++) _dueWeight += _counted[_next].Weight;
            return RoundTo(budget * _dueWeight / _total, currency);
        }
    }

    private static decimal RoundTo(decimal amount, string? currency) =>
        currency is not null && Currencies.IsKnown(currency) ? Currencies.Round(amount, currency) : Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
