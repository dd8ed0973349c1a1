using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramTracker.Api.Common;

/// <summary>
/// A date known to the day, the month or only the year, as sources give them. A day and month whose year the
/// source leaves open is kept with no year, never a guessed one. Written as ISO 8601: <c>2023-05-23</c>,
/// <c>2023-05</c>, <c>2023</c>, or <c>--11-28</c> for 28 November of a year not stated.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public sealed record PartialDate(int? Year, int? Month = null, int? Day = null)
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

    public static bool TryParse(string? text, out PartialDate? date) => TryParse(text.AsSpan(), out date);

    /// <summary>As <see cref="TryParse(string?, out PartialDate?)"/>, from characters that need not be a string (the
    /// JSON converter reads stored dates this way, without a string for each).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate? date)
    {
        date = null;
        if (text.IsWhiteSpace()) return false;
        if (!TryParseIso(text.Trim(), out var year, out var month, out var day)) return false;
        if (year is < 1900 or > 2200) return false;
        if (month is < 1 or > 12) return false;
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month!.Value))) return false;

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>
    /// The shapes of <see cref="JsonPattern"/>: <c>yyyy</c>, <c>yyyy-mm</c>, <c>yyyy-mm-dd</c>, <c>--mm</c>, <c>--mm-dd</c>,
    /// ASCII digits only (a Unicode digit such as full-width ２ is not a digit here). Read without a regex: stored
    /// snapshots hold these dates, and every write reads a snapshot.
    /// </summary>
    private static bool TryParseIso(ReadOnlySpan<char> s, out int? year, out int? month, out int? day)
    {
        year = month = day = null;
        var at = 0;
        if (s.StartsWith("--"))
        {
            at = 2;
        }
        else
        {
            if (!TryDigits(s, 0, 4, out var y)) return false;
            year = y;
            at = 4;
            if (at == s.Length) return true;
            if (s[at] != '-') return false;
            at++;
        }
        if (!TryDigits(s, at, 2, out var m)) return false;
        month = m;
        at += 2;
        if (at == s.Length) return true;
        if (s[at] != '-' || !TryDigits(s, at + 1, 2, out var d) || at + 3 != s.Length) return false;
        day = d;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date! : throw new FormatException($"'{text}' is not a date (use 2023-05-23, 2023-05, 2023 or --11-28).");

    /// <summary>Room enough for any date's ISO form (<c>yyyy-mm-dd</c> is 10; a year built by hand out of range, longer).</summary>
    public const int FormatLength = 40;

    public override string ToString()
    {
        Span<char> text = stackalloc char[FormatLength];
        return new string(text[..Format(text)]);
    }

    /// <summary>Writes the ISO form into <paramref name="destination"/> (at least <see cref="FormatLength"/> long) and
    /// returns its length: <c>2023-05-23</c>, <c>2023-05</c>, <c>2023</c>, <c>--11-28</c>, <c>--11</c>; nothing for a
    /// shape that is none of these.</summary>
    public int Format(Span<char> destination)
    {
        // A day needs its month, and a date needs a year or a month.
        if (Month is null && (Day is not null || Year is null)) return 0;
        int at;
        if (Year is { } year) at = Digits(destination, 0, year, "D4");
        else (destination[0], destination[1], at) = ('-', '-', 2);
        if (Month is { } month)
        {
            if (Year is not null) destination[at++] = '-';
            at = Digits(destination, at, month, "D2");
        }
        if (Day is { } day)
        {
            destination[at++] = '-';
            at = Digits(destination, at, day, "D2");
        }
        return at;

        static int Digits(Span<char> to, int at, int value, string format)
        {
            value.TryFormat(to[at..], out var written, format, CultureInfo.InvariantCulture);
            return at + written;
        }
    }

    /// <summary>The shape the OpenAPI document gives clients; the ranges (years 1900 to 2200, real days) are checked on reading.</summary>
    public const string JsonPattern = "^(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|--[0-9]{2}(?:-[0-9]{2})?)$";
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
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        // A date's text is short: read into a buffer on the stack, not a string per date (every stored snapshot holds
        // several). Anything longer than a date and its spaces is not one, and is read as a string to be refused.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        Span<char> text = stackalloc char[64];
        var ok = length <= text.Length
            ? PartialDate.TryParse(text[..reader.CopyString(text)], out var date)
            : PartialDate.TryParse(reader.GetString(), out date);
        return ok ? date! : throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options)
    {
        Span<char> text = stackalloc char[PartialDate.FormatLength];
        writer.WriteStringValue(text[..value.Format(text)]);
    }
}
