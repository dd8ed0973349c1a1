using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ProgramTracker.Api.Common;

/// <summary>
/// A date known to the day, the month or only the year, as sources give them. A day and month whose year the
/// source leaves open is kept with no year, never a guessed one. Written as ISO 8601: <c>2023-05-23</c>,
/// <c>2023-05</c>, <c>2023</c>, or <c>--11-28</c> for 28 November of a year not stated.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public sealed partial record PartialDate(int? Year, int? Month = null, int? Day = null)
{
    public DatePrecision Precision => (Year, Month, Day) switch
    {
        (not null, not null, not null) => DatePrecision.Day,
        (not null, not null, null) => DatePrecision.Month,
        (not null, null, null) => DatePrecision.Year,
        _ => DatePrecision.YearNotStated,
    };

    public bool YearStated => Year is not null;

    /// <summary>The earliest day this date can mean, when the year is known.</summary>
    public DateOnly? Earliest => Year is { } y ? new DateOnly(y, Month ?? 1, Day ?? 1) : null;

    /// <summary>The latest day this date can mean, when the year is known.</summary>
    public DateOnly? Latest => Year is { } y
        ? Month is { } m
            ? new DateOnly(y, m, Day ?? DateTime.DaysInMonth(y, m))
            : new DateOnly(y, 12, 31)
        : null;

    public static PartialDate Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static bool TryParse(string? text, out PartialDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = IsoPattern().Match(text.Trim());
        if (!m.Success) return false;

        int? Group(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : null;
        var (year, month, day) = (Group("y") ?? Group("y2"), Group("m") ?? Group("m2"), Group("d") ?? Group("d2"));
        if (year is < 1900 or > 2200) return false;
        if (month is < 1 or > 12) return false;
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month!.Value))) return false;

        date = new PartialDate(year, month, day);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date! : throw new FormatException($"'{text}' is not a date (use 2023-05-23, 2023-05, 2023 or --11-28).");

    public override string ToString() => (Year, Month, Day) switch
    {
        ({ } y, { } m, { } d) => $"{y:D4}-{m:D2}-{d:D2}",
        ({ } y, { } m, null) => $"{y:D4}-{m:D2}",
        ({ } y, null, null) => $"{y:D4}",
        (null, { } m, { } d) => $"--{m:D2}-{d:D2}",
        (null, { } m, null) => $"--{m:D2}",
        _ => "",
    };

    /// <summary>The shape the OpenAPI document gives clients; the ranges (years 1900 to 2200, real days) are checked on reading.</summary>
    public const string JsonPattern = "^(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|--[0-9]{2}(?:-[0-9]{2})?)$";

    // ASCII digits only: \d would match any Unicode digit (full-width ２０２３), which int.Parse then throws on.
    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})(?:-(?<m>[0-9]{2})(?:-(?<d>[0-9]{2}))?)?|--(?<m2>[0-9]{2})(?:-(?<d2>[0-9]{2}))?)$")]
    private static partial Regex IsoPattern();
}

public enum DatePrecision
{
    Day,
    Month,
    Year,
    YearNotStated,
}

public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    // A JsonException without a message lets the serializer add the JSON path, so the problem can name the field.
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PartialDate.TryParse(reader.GetString(), out var date)
            ? date!
            : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
