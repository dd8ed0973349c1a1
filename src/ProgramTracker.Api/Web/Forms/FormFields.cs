using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Web.Forms;

/// <summary>
/// One field of an <see cref="ApiFormTagHelper"/> form, written by <see cref="FieldHtml"/> (<c>&lt;form-field&gt;</c>). <see cref="Name"/> is
/// the field's JSON path in the request body (<c>code</c>, <c>parties[0].country</c>); a field not required is left
/// out of the body when empty. Type: text, textarea, number, date, url, email, select, checkbox (a bool), checkboxes
/// (a JSON array of the ticked values), radios.
/// </summary>
public sealed record FormField(string Form, string Name, string Label, string Type = "text", bool Required = false)
{
    public string? Value { get; init; }
    public string? Hint { get; init; }
    public IReadOnlyList<FormOption> Options { get; init; } = [];
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Step { get; init; }
    public int? MaxLength { get; init; }
    public int Rows { get; init; } = 3;
    public string? InputMode { get; init; }
    public string? Autocomplete { get; init; }

    /// <summary>A select's first, empty choice ("Choose…"); with it, a field not required is left out when unchosen.</summary>
    public string? Placeholder { get; init; }

    public string Id => FormIds.Of(Form, Name);
}

public sealed record FormOption(string Value, string Label, bool Selected = false, string? Lang = null);

/// <summary>
/// A name or title in the four languages (<see cref="FieldSetHtml.LocalizedText"/>): one input per language, the
/// page's language first, sent as <c>{Name}.en</c> … <c>{Name}.th</c>. Languages left empty are left out, and so
/// is the whole object when all are, so the API's own "required" rule answers.
/// </summary>
public sealed record LocalizedTextField(string Form, string Name, string Label, bool Required = true)
{
    public bool Multiline { get; init; }
    public string? Hint { get; init; }
    public LocalizedText? Value { get; init; }
    public int? MaxLength { get; init; }

    public string Id => FormIds.Of(Form, Name);

    public static IEnumerable<string> LanguagesFor(string pageLanguage) =>
        LocalizedText.Languages.OrderBy(l => l == pageLanguage ? 0 : 1);
}

/// <summary>
/// A date at the precision its source gives (<see cref="FieldSetHtml.PartialDate"/>): a day, a month, a year, or a
/// day and month with no year, sent as the API's PartialDate text (2023-05-23, 2023-05, 2023, --11-28).
/// </summary>
public sealed record PartialDateField(string Form, string Name, string Label, bool Required = false)
{
    public string? Hint { get; init; }
    public PartialDate? Value { get; init; }

    public string Id => FormIds.Of(Form, Name);
}

public static class FormIds
{
    /// <summary>An element id from the form's id and the field's JSON path, kept as written so repeaters can renumber it.</summary>
    public static string Of(string form, string name) => $"{form}-{name}";

    /// <summary>The 1-based number of a repeater item from its path (<c>parties[1]</c> is 2); 0 in a template, which site.js numbers.</summary>
    public static int ItemNumber(string path)
    {
        var open = path.LastIndexOf('[');
        return path.EndsWith(']') && open >= 0
            && int.TryParse(path.AsSpan(open + 1, path.Length - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index + 1
            : 0;
    }
}

public static class FormOptions
{
    /// <summary>An enum's values as the API's JSON writes them (camelCase), labelled by the resources' <c>{prefix}{Value}</c>.</summary>
    public static IReadOnlyList<FormOption> Of<TEnum>(Microsoft.Extensions.Localization.IStringLocalizer l, string prefix,
        TEnum? selected = null, IEnumerable<TEnum>? only = null) where TEnum : struct, Enum =>
        [.. (only ?? Enum.GetValues<TEnum>()).Select(v => new FormOption(ApiValue(v), l[$"{prefix}{v}"].Value, selected?.Equals(v) == true))];

    public static string ApiValue<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
