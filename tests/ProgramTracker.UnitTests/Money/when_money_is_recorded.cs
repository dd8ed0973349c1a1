using ProgramTracker.Api.Common;
using ProgramTracker.Api.Money;
using ProgramTracker.UnitTests.Workstreams;
using static ProgramTracker.UnitTests.Money.Funded;

namespace ProgramTracker.UnitTests.Money;

public class when_money_is_recorded
{
    private static readonly Guid EntryId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000e1");
    private static readonly AgreementMoney Settings = UsdWithSources(Rate("VND", 0.00004m, new DateOnly(2024, 1, 1)));

    private static Decision Record(RecordMoney command, MoneyKind kind = MoneyKind.Expenditure, AgreementMoney? settings = null) =>
        RecordMoney.Decide(command, kind, Workstream(), settings ?? Settings, Today, EntryId);

    private static RecordMoney Vnd(decimal amount, DateOnly? on = null, string source = "adb") =>
        new(on ?? new DateOnly(2024, 5, 2), amount, "VND", source, "Hanoi Data Co.", "C-2024-07", "https://example.gov/c-2024-07.pdf");

    [Fact]
    public void a_commitment_keeps_what_was_entered_and_the_rate_it_converted_at()
    {
        var recorded = Record(Vnd(250_000_000m), MoneyKind.Commitment).ShouldDecide<MoneyRecorded>();

        recorded.Kind.ShouldBe(MoneyKind.Commitment);
        recorded.Amount.ShouldBe(250_000_000m);
        recorded.Currency.ShouldBe("VND");
        recorded.Rate.ShouldBe(0.00004m);
        recorded.RateEffectiveOn.ShouldBe(new DateOnly(2024, 1, 1));
        recorded.ReportingAmount.ShouldBe(10_000m);
        recorded.ReportingCurrency.ShouldBe("USD");
        recorded.Counterparty.ShouldBe("Hanoi Data Co.");
        recorded.Reference.ShouldBe("C-2024-07");
        recorded.EntryId.ShouldBe(EntryId);
    }

    [Fact]
    public void a_lower_case_code_is_the_same_currency() =>
        Record(Vnd(1000m) with { Currency = "vnd" }).ShouldDecide<MoneyRecorded>().Currency.ShouldBe("VND");

    [Fact]
    public void a_source_the_agreement_does_not_have_is_refused() =>
        Record(Vnd(1000m, source: "world-bank")).ShouldRefuse(RefusalKind.Invalid, "sourceId", "unknown-source");

    [Fact]
    public void a_date_without_a_rate_is_refused() =>
        Record(Vnd(1000m, new DateOnly(2023, 12, 1))).ShouldRefuse(RefusalKind.Invalid, "date", "no-rate-for-date");

    [Fact]
    public void a_date_after_today_is_refused() =>
        Record(Vnd(1000m, Today.AddDays(1))).ShouldRefuse(RefusalKind.Invalid, "date", "future-date");

    [Fact]
    public void nothing_is_recorded_before_the_agreement_has_a_reporting_currency() =>
        Record(Vnd(1000m), settings: Agreement(Party(), Partner())).ShouldRefuse(RefusalKind.Conflict, "currency", "no-reporting-currency");

    [Fact]
    public void the_same_entry_twice_is_a_conflict() =>
        RecordMoney.Decide(Vnd(1000m), MoneyKind.Expenditure, Workstream(Spent(5m, new DateOnly(2024, 2, 1)) with { EntryId = EntryId }),
            Settings, Today, EntryId).ShouldRefuse(RefusalKind.Conflict, "entryId", "entry-exists");

    [Fact]
    public void a_negative_amount_is_refused() => RecordMoneyEndpoint.Validate(Vnd(-1m)).ShouldName("amount", "negative");

    [Fact]
    public void decimals_the_currency_does_not_have_are_refused() => RecordMoneyEndpoint.Validate(Vnd(1000.5m)).ShouldName("amount", "too-many-decimals");

    [Fact]
    public void cents_of_a_dollar_are_fine() => RecordMoneyEndpoint.Validate(Vnd(10.25m) with { Currency = "USD" }).ShouldPass();

    [Fact]
    public void fractions_of_a_cent_are_refused() =>
        RecordMoneyEndpoint.Validate(Vnd(10.255m) with { Currency = "USD" }).ShouldName("amount", "too-many-decimals");

    [Fact]
    public void an_unknown_currency_is_refused() => RecordMoneyEndpoint.Validate(Vnd(10m) with { Currency = "ABC" }).ShouldName("currency", "unknown-currency");

    [Fact]
    public void evidence_is_a_link() =>
        RecordMoneyEndpoint.Validate(Vnd(10m) with { EvidenceUrl = "the invoice" }).ShouldName("evidenceUrl", "url");
}
