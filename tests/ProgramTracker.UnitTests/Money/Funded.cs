using ProgramTracker.Api.Common;
using ProgramTracker.Api.Money;

namespace ProgramTracker.UnitTests.Money;

/// <summary>Money events as they happen in the tests' history: an agreement reporting in USD, funded by a party and a partner.</summary>
public static class Funded
{
    public static readonly DateOnly Today = new(2024, 6, 30);
    private static Guid A => Given.AgreementId;
    private static Guid W => Given.WorkstreamId;

    public static ReportingCurrencySet ReportsIn(string currency = "USD") => new(A, currency);
    public static FundingSourceAdded Party(string partyId = "vn-moha") => new(A, partyId, new LocalizedText(En: "Ministry of Home Affairs"), partyId, false);
    public static FundingSourceAdded Partner(string sourceId = "adb") => new(A, sourceId, new LocalizedText(En: "Asian Development Bank"), null, false);
    public static ExchangeRateSet Rate(string currency, decimal rate, DateOnly from) => new(A, currency, "USD", rate, from, false);

    public static AgreementMoney Agreement(params object[] events) =>
        Given.Stamped([Given.Registered(), .. events]).Aggregate((AgreementMoney?)null, AgreementMoney.Fold)!;

    public static AgreementMoney UsdWithSources(params object[] events) => Agreement([ReportsIn(), Party(), Partner(), .. events]);

    public static WorkstreamMoney Workstream(params object[] events) =>
        Given.Stamped([Given.Opened(), .. events]).Aggregate((WorkstreamMoney?)null, WorkstreamMoney.Fold)!;

    public static BudgetBaselined Baseline(params BudgetLine[] lines) => new(W, A, "USD", lines, new DateOnly(2024, 1, 10), false);

    public static MoneyRecorded Spent(decimal usd, DateOnly on, MoneyKind kind = MoneyKind.Expenditure) =>
        new(W, A, Guid.NewGuid(), kind, on, usd, "USD", "vn-moha", 1, null, usd, "USD", null, null, null, false);
}
