using ProgramTracker.Api.Common;
using ProgramTracker.Api.Money;
using ProgramTracker.UnitTests.Workstreams;
using static ProgramTracker.UnitTests.Money.Funded;

namespace ProgramTracker.UnitTests.Money;

public class when_an_agreements_money_is_set_up
{
    [Fact]
    public void the_reporting_currency_is_set_once() =>
        SetReportingCurrency.Decide(new SetReportingCurrency("usd"), Agreement()).ShouldDecide<ReportingCurrencySet>().Currency.ShouldBe("USD");

    [Fact]
    public void another_reporting_currency_later_is_a_conflict() =>
        SetReportingCurrency.Decide(new SetReportingCurrency("THB"), Agreement(ReportsIn()))
            .ShouldRefuse(RefusalKind.Conflict, "currency", "reporting-currency-set");

    [Fact]
    public void an_unknown_reporting_currency_is_refused() =>
        SetReportingCurrencyEndpoint.Validate(new SetReportingCurrency("DOLLARS")).ShouldName("currency", "unknown-currency");

    [Fact]
    public void a_party_of_the_agreement_funds_it_under_its_own_id() =>
        AddFundingSource.Decide(new AddFundingSource(new LocalizedText(En: "Lao MoHA"), "la-moha"), Agreement())
            .ShouldDecide<FundingSourceAdded>().SourceId.ShouldBe("la-moha");

    [Fact]
    public void a_named_partner_gets_an_id_from_its_name() =>
        AddFundingSource.Decide(new AddFundingSource(new LocalizedText(En: "Asian Development Bank")), Agreement())
            .ShouldDecide<FundingSourceAdded>().SourceId.ShouldBe("asian-development-bank");

    [Fact]
    public void a_party_the_agreement_does_not_have_is_refused() =>
        AddFundingSource.Decide(new AddFundingSource(new LocalizedText(En: "Thai MoF"), "th-mof"), Agreement())
            .ShouldRefuse(RefusalKind.Invalid, "partyId", "unknown-party");

    [Fact]
    public void the_same_source_twice_is_a_conflict() =>
        AddFundingSource.Decide(new AddFundingSource(new LocalizedText(En: "ADB"), SourceId: "adb"), Agreement(Partner()))
            .ShouldRefuse(RefusalKind.Conflict, "sourceId", "source-exists");

    [Fact]
    public void a_rate_is_to_the_reporting_currency() =>
        SetExchangeRate.Decide(new SetExchangeRate("vnd", 0.00004m, new DateOnly(2024, 1, 1)), Agreement(ReportsIn()))
            .ShouldDecide<ExchangeRateSet>().ShouldSatisfyAllConditions(r => r.Currency.ShouldBe("VND"), r => r.ReportingCurrency.ShouldBe("USD"));

    [Fact]
    public void a_rate_for_the_reporting_currency_itself_is_refused() =>
        SetExchangeRate.Decide(new SetExchangeRate("USD", 1.1m, new DateOnly(2024, 1, 1)), Agreement(ReportsIn()))
            .ShouldRefuse(RefusalKind.Invalid, "currency", "reporting-currency");

    [Fact]
    public void a_rate_of_zero_is_refused() =>
        SetExchangeRateEndpoint.Validate(new SetExchangeRate("VND", 0m, new DateOnly(2024, 1, 1))).ShouldName("rate", "positive");
}
