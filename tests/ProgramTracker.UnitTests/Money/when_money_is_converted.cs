using ProgramTracker.Api.Money;
using static ProgramTracker.UnitTests.Money.Funded;

namespace ProgramTracker.UnitTests.Money;

public class when_money_is_converted
{
    private static readonly AgreementMoney Money = UsdWithSources(
        Rate("VND", 0.00004m, new DateOnly(2024, 1, 1)),
        Rate("VND", 0.000039m, new DateOnly(2024, 4, 1)),
        Rate("LAK", 0.0000478m, new DateOnly(2024, 1, 1)));

    [Fact]
    public void the_reporting_currency_converts_at_one()
    {
        var (conversion, refusal) = Money.Convert(125.25m, "USD", new DateOnly(2024, 2, 1));
        refusal.ShouldBeNull();
        conversion.ShouldBe(new Conversion(1m, null, 125.25m));
    }

    [Fact]
    public void a_figure_converts_at_the_rate_in_force_on_its_date()
    {
        Money.Convert(10_000_000m, "VND", new DateOnly(2024, 3, 31)).Conversion!.ReportingAmount.ShouldBe(400m);
        var april = Money.Convert(10_000_000m, "VND", new DateOnly(2024, 4, 1)).Conversion!;
        april.Rate.ShouldBe(0.000039m);
        april.RateEffectiveOn.ShouldBe(new DateOnly(2024, 4, 1));
        april.ReportingAmount.ShouldBe(390m);
    }

    [Fact]
    public void the_converted_amount_is_rounded_to_the_reporting_currencys_cents() =>
        // 1,234,567 kip x 0.0000478 = 59.0123026 USD
        Money.Convert(1_234_567m, "LAK", new DateOnly(2024, 5, 1)).Conversion!.ReportingAmount.ShouldBe(59.01m);

    [Fact]
    public void a_date_before_any_rate_is_refused()
    {
        var (conversion, refusal) = Money.Convert(100m, "VND", new DateOnly(2023, 12, 31));
        conversion.ShouldBeNull();
        refusal!.Rule.ShouldBe("no-rate-for-date");
        refusal.Field.ShouldBe("date");
    }

    [Fact]
    public void a_currency_without_rates_is_refused() =>
        Money.Convert(100m, "THB", new DateOnly(2024, 5, 1)).Refusal!.Rule.ShouldBe("no-rate-for-date");

    [Fact]
    public void a_second_rate_for_the_same_day_corrects_the_first()
    {
        var corrected = UsdWithSources(Rate("THB", 0.03m, new DateOnly(2024, 1, 1)), Rate("THB", 0.028m, new DateOnly(2024, 1, 1)));
        corrected.Rates.ShouldHaveSingleItem().Rate.ShouldBe(0.028m);
    }
}
