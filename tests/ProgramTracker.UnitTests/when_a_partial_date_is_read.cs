using System.Text.Json;
using System.Globalization;
using System.Text.RegularExpressions;
using ProgramTracker.Api.Common;

namespace ProgramTracker.UnitTests;

public class when_a_partial_date_is_read
{
    // The grammar as it was written before the parser lost its regex: the reference the parser must agree with.
    private static readonly Regex Iso = new(@"^(?:(?<y>[0-9]{4})(?:-(?<m>[0-9]{2})(?:-(?<d>[0-9]{2}))?)?|--(?<m2>[0-9]{2})(?:-(?<d2>[0-9]{2}))?)$");

    private static PartialDate? Reference(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = Iso.Match(text.Trim());
        if (!m.Success) return null;
        int? Group(string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : null;
        var (year, month, day) = (Group("y"), Group("m") ?? Group("m2"), Group("d") ?? Group("d2"));
        if (year is < 1900 or > 2200 || month is < 1 or > 12) return null;
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month!.Value))) return null;
        return new PartialDate(year, month, day);
    }

    [Theory]
    [InlineData("2023-05-23", 2023, 5, 23)]
    [InlineData(" 2023-05 ", 2023, 5, null)]
    [InlineData("2023", 2023, null, null)]
    [InlineData("--11-28", null, 11, 28)]
    [InlineData("--02-29", null, 2, 29)]
    [InlineData("--11", null, 11, null)]
    public void an_iso_date_to_the_day_month_or_year_is_read(string text, int? year, int? month, int? day)
    {
        PartialDate.TryParse(text, out var date).ShouldBeTrue();
        date.ShouldBe(new PartialDate(year, month, day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2023-")]
    [InlineData("2023-5")]
    [InlineData("2023-05-")]
    [InlineData("2023-02-29")]
    [InlineData("2023-13")]
    [InlineData("1899")]
    [InlineData("２０２３")]
    [InlineData("2023-05-23T00:00")]
    [InlineData("--")]
    [InlineData("---11")]
    [InlineData("23-05-2023")]
    public void anything_else_is_not_a_date(string text) => PartialDate.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void the_parser_agrees_with_the_iso_grammar_on_every_string_it_is_given()
    {
        var random = new Random(18);
        const string alphabet = "0123456789--- ２x";
        var cases = new List<string>();
        foreach (var shape in new[] { "dddd", "dddd-dd", "dddd-dd-dd", "--dd", "--dd-dd" })
            for (var i = 0; i < 5_000; i++)
                cases.Add(string.Concat(shape.Select(c => c == 'd' ? (char)('0' + random.Next(10)) : c)));
        for (var i = 0; i < 50_000; i++)
            cases.Add(new string(Enumerable.Range(0, random.Next(12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));

        foreach (var text in cases)
        {
            var expected = Reference(text);
            PartialDate.TryParse(text, out var date).ShouldBe(expected is not null, text);
            date.ShouldBe(expected, text);
        }
    }

    // ToString as it was written before it formatted into a buffer: the reference the formatter must agree with.
    private static string ReferenceText(PartialDate date) => (date.Year, date.Month, date.Day) switch
    {
        ({ } y, { } m, { } d) => $"{y:D4}-{m:D2}-{d:D2}",
        ({ } y, { } m, null) => $"{y:D4}-{m:D2}",
        ({ } y, null, null) => $"{y:D4}",
        (null, { } m, { } d) => $"--{m:D2}-{d:D2}",
        (null, { } m, null) => $"--{m:D2}",
        _ => "",
    };

    [Fact]
    public void it_is_written_as_before_in_every_shape_and_reads_back()
    {
        int?[] years = [null, 1900, 2023, 2200, 7, 12345, -5, int.MinValue], parts = [null, 1, 2, 9, 10, 12, 28, 31, 123, -1];
        foreach (var year in years)
            foreach (var month in parts)
                foreach (var day in parts)
                {
                    var date = new PartialDate(year, month, day);
                    date.ToString().ShouldBe(ReferenceText(date), $"{year} {month} {day}");
                    var json = JsonSerializer.Serialize(date);
                    json.ShouldBe(JsonSerializer.Serialize(ReferenceText(date)));
                    if (Reference(ReferenceText(date)) is { } valid) JsonSerializer.Deserialize<PartialDate>(json).ShouldBe(valid);
                }
    }

    [Theory]
    [InlineData("\"2023-05-23\"", "2023-05-23")]
    [InlineData("\"  2023-05 \"", "2023-05")]
    [InlineData("\"\\u0032023\"", "2023")]
    [InlineData("\"--11-28\"", "--11-28")]
    public void the_json_converter_reads_what_the_parser_reads(string json, string expected) =>
        JsonSerializer.Deserialize<PartialDate>(json).ShouldBe(PartialDate.Parse(expected));

    [Theory]
    [InlineData("\"2023-02-29\"")]
    [InlineData("\"\"")]
    [InlineData("2023")]
    [InlineData("null")]
    [InlineData("\"2023-05-23                                                                                  x\"")]
    public void the_json_converter_refuses_anything_else(string json)
    {
        if (json == "null") JsonSerializer.Deserialize<PartialDate>(json).ShouldBeNull();
        else Should.Throw<JsonException>(() => JsonSerializer.Deserialize<PartialDate>(json));
    }
}
