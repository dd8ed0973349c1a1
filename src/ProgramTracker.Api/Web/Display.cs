using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.Api.Web;

/// <summary>How data values read on the pages: in the chosen language and culture, saying so when they cannot.</summary>
public static class Display
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>
    /// The text in the chosen language, or in another one with a visible marker naming both languages. The text
    /// carries its own lang attribute, so screen readers and fonts treat it as what it is.
    /// </summary>
    public static IHtmlContent Localized(this IHtmlHelper html, LocalizedText? text)
    {
        if (text is null) return HtmlString.Empty;
        var (value, language) = text.In(Language, "en");
        var encoded = HtmlEncoder.Default.Encode(value);
        if (language == Language) return new HtmlString($"<span lang=\"{language}\">{encoded}</span>");

        var l = Strings(html);
        var why = l["Fallback", l[$"LangName_{Language}"], l[$"LangName_{language}"]];
        return new HtmlString(
            $"<span lang=\"{language}\">{encoded}</span> <abbr class=\"fallback\" title=\"{HtmlEncoder.Default.Encode(why)}\">"
            + $"{language.ToUpperInvariant()}<span class=\"visually-hidden\"> ({HtmlEncoder.Default.Encode(why)})</span></abbr>");
    }

    public static string Plain(LocalizedText? text) => text?.In(Language, "en").Text ?? "";

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.UtcDateTime));

    public static string Date(PartialDate? date, string open)
    {
        var format = CultureInfo.CurrentCulture.DateTimeFormat;
        return date switch
        {
            null => open,
            { Precision: DatePrecision.Day, Earliest: { } d } => Date(d),
            { Precision: DatePrecision.Month, Earliest: { } d } => d.ToString(format.YearMonthPattern, CultureInfo.CurrentCulture),
            { Precision: DatePrecision.Year } => date.Year!.Value.ToString(CultureInfo.CurrentCulture),
            { Month: { } m, Day: { } day } => new DateOnly(2000, m, day).ToString(format.MonthDayPattern, CultureInfo.CurrentCulture),
            _ => date.ToString(),
        };
    }

    public static string Percent(decimal percent) => (percent / 100m).ToString("P0", CultureInfo.CurrentCulture);

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.CurrentCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static IStringLocalizer<Strings> Strings(IHtmlHelper html) =>
        html.ViewContext.HttpContext.RequestServices.GetRequiredService<CachedStrings>();
}
