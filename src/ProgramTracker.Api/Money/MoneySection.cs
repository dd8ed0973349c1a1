namespace ProgramTracker.Api.Money;

/// <summary>What a page's money partial needs: whose money, on which day, and which of its forms the viewer may use.</summary>
public sealed record MoneySection(Guid Id, DateOnly? AsOf, bool CanRecord, bool CanManage, bool Print = false);

/// <summary>The figures a workstream's and an agreement's money share, for the one partial that shows them.</summary>
public sealed record MoneyFiguresModel(
    string? Currency,
    decimal BaselineBudget,
    decimal CurrentBudget,
    decimal Committed,
    decimal Disbursed,
    decimal Spent,
    decimal Remaining,
    IReadOnlyList<MonthOfMoney> BurnByMonth,
    EarnedValueView EarnedValue)
{
    public static MoneyFiguresModel Of(WorkstreamMoneyView v) =>
        new(v.Currency, v.BaselineBudget, v.CurrentBudget, v.Committed, v.Disbursed, v.Spent, v.Remaining, v.BurnByMonth, v.EarnedValue);

    public static MoneyFiguresModel Of(AgreementMoneyView v) =>
        new(v.Currency, v.BaselineBudget, v.CurrentBudget, v.Committed, v.Disbursed, v.Spent, v.Remaining, v.BurnByMonth, v.EarnedValue);
}
