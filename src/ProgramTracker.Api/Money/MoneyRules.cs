using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Money;

/// <summary>Field rules every money input shares: a currency ISO 4217 knows, and an amount that currency can write.</summary>
public static class MoneyRules
{
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    public static InputRules Currency(this InputRules rules, string field, string? code) =>
        rules.Must(!string.IsNullOrWhiteSpace(code), field, "required", $"'{field}' is required: an ISO 4217 code such as USD, LAK, VND or THB.")
            .Must(string.IsNullOrWhiteSpace(code) || Currencies.IsKnown(code), field, "unknown-currency",
                $"'{code}' is not an ISO 4217 currency code (such as USD, LAK, VND or THB).");

    /// <summary>Zero or more, below a quadrillion, with no more decimals than <paramref name="currency"/> has (when it is known).</summary>
    public static InputRules Amount(this InputRules rules, string field, decimal amount, string? currency)
    {
        rules.Must(amount >= 0, field, "negative", $"'{field}' cannot be negative.")
            .Must(amount < MaxAmount, field, "range", $"'{field}' must be less than {MaxAmount:N0}.");
        if (Currencies.IsKnown(currency))
        {
            var code = Currencies.Normalize(currency);
            var decimals = Currencies.MinorUnits(code);
            rules.Must(Currencies.FitsMinorUnits(amount, code), field, "too-many-decimals", decimals == 0
                ? $"Amounts in {code} are whole numbers; '{field}' has decimals."
                : $"Amounts in {code} have at most {decimals} decimals; '{field}' has more.");
        }
        return rules;
    }

    public static InputRules Day(this InputRules rules, string field, DateOnly? day) =>
        rules.Must(day is not { } d || d.Year is >= 1990 and <= 2200, field, "range", $"'{field}' must be a real date between 1990 and 2200.");

    public static Refusal? NotInFuture(string field, DateOnly day, DateOnly today) =>
        day > today ? Refusal.Invalid(field, "future-date", $"'{field}' ({day:yyyy-MM-dd}) is after today; money is recorded when it moves.") : null;
}
