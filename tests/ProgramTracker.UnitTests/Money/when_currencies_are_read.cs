using ProgramTracker.Api.Money;

namespace ProgramTracker.UnitTests.Money;

public class when_currencies_are_read
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("THB", 2)]
    [InlineData("VND", 0)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("usd ", 2)]
    public void each_code_has_the_iso_minor_units(string code, int decimals) => Currencies.MinorUnits(code).ShouldBe(decimals);

    [Fact]
    public void the_kip_is_written_without_decimals_as_it_is_used_not_with_the_two_iso_lists() => Currencies.MinorUnits("LAK").ShouldBe(0);

    [Theory]
    [InlineData("XYZ")]
    [InlineData("US")]
    [InlineData("")]
    [InlineData("XAU")]
    public void codes_outside_the_table_are_unknown(string code) => Currencies.IsKnown(code).ShouldBeFalse();

    [Theory]
    [InlineData("1.50", "USD", true)]
    [InlineData("1.505", "USD", false)]
    [InlineData("1000", "VND", true)]
    [InlineData("1000.0", "VND", true)]
    [InlineData("1000.5", "LAK", false)]
    [InlineData("1.125", "KWD", true)]
    public void an_amount_fits_when_it_has_no_more_decimals_than_the_currency(string amount, string code, bool fits) =>
        Currencies.FitsMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code).ShouldBe(fits);

    [Theory]
    [InlineData("2.345", "USD", "2.35")]
    [InlineData("2.335", "USD", "2.34")]
    [InlineData("-2.345", "USD", "-2.35")]
    [InlineData("12500.5", "VND", "12501")]
    [InlineData("12499.5", "LAK", "12500")]
    public void a_converted_amount_rounds_half_away_from_zero(string amount, string code, string rounded) =>
        Currencies.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code)
            .ShouldBe(decimal.Parse(rounded, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void an_amount_is_formatted_with_the_currencys_decimals()
    {
        Currencies.Format(1234567m, "VND").ShouldBe("1,234,567");
        Currencies.Format(1234.5m, "USD").ShouldBe("1,234.50");
    }
}
