using System.Globalization;

namespace ProgramTracker.Api.Money;

/// <summary>
/// The currencies ProgramTracker accepts: the active codes of ISO 4217 (List One, as published by SIX for the ISO 4217
/// maintenance agency, amendment 179 of 2025) with the number of decimals each is written with. Two differ from the
/// list on purpose: ISO gives the Lao kip (LAK) two decimals, but the att has not circulated for decades and Lao public
/// budgets are whole kip, so ProgramTracker writes LAK, like the Vietnamese dong (VND, 0 in ISO too), without decimals.
/// Funds and precious-metal codes (XAU, XDR, ...) are left out: nobody budgets a workstream in them.
/// </summary>
public static class Currencies
{
    private static readonly string[] NoDecimals =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "LAK", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly string[] ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly string[] TwoDecimals =
    [
        "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BMD", "BND", "BOB", "BRL",
        "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD",
        "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
        "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LBP", "LKR", "LRD", "LSL", "MAD", "MDL",
        "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR",
        "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
        "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR", "ZMW", "ZWG",
    ];

    private static readonly IReadOnlyDictionary<string, int> MinorUnitsByCode =
        NoDecimals.Select(c => (c, 0)).Concat(TwoDecimals.Select(c => (c, 2))).Concat(ThreeDecimals.Select(c => (c, 3)))
            .ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);

    public static IEnumerable<string> Codes => MinorUnitsByCode.Keys.Order(StringComparer.Ordinal);

    /// <summary>The code as stored: trimmed and upper case, so "usd " and "USD" are one currency.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static bool IsKnown(string? code) => MinorUnitsByCode.ContainsKey(Normalize(code));

    /// <summary>Decimals the currency is written with; only for a known code.</summary>
    public static int MinorUnits(string code) => MinorUnitsByCode[Normalize(code)];

    /// <summary>Whether <paramref name="amount"/> has no more decimals than the currency allows (1.50 USD yes, 1.5 VND no).</summary>
    public static bool FitsMinorUnits(decimal amount, string code) => amount == Math.Round(amount, MinorUnits(code));

    /// <summary>A converted amount rounded to the currency's minor units, halves away from zero, as banks round.</summary>
    public static decimal Round(decimal amount, string code) => Math.Round(amount, MinorUnits(code), MidpointRounding.AwayFromZero);

    /// <summary>The amount with exactly the currency's decimals, grouped for reading in <paramref name="culture"/>.</summary>
    public static string Format(decimal amount, string code, CultureInfo? culture = null) =>
        Round(amount, code).ToString("N" + MinorUnits(code), culture ?? CultureInfo.InvariantCulture);
}
