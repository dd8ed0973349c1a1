using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Web.Resources;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web;

/// <summary>
/// History summaries in the reader's language: the sentence from the interface strings (Event_{key}), titles in
/// the chosen language with the fallback marker, dates and numbers in the culture, statuses in words.
/// </summary>
public static class EventWords
{
    public static IHtmlContent Summary(this IHtmlHelper html, EventSummary summary)
    {
        var l = html.ViewContext.HttpContext.RequestServices.GetRequiredService<CachedStrings>();
        var pattern = l[$"Event_{summary.Key}"];
        var template = pattern.ResourceNotFound
            ? EventSummaries.EnglishPatterns.GetValueOrDefault(summary.Key, EventSummaries.EnglishPatterns["Other"])
            : pattern.Value;
        var values = summary.Values.Select(v => (object)ValueHtml(html, l, v)).ToArray();
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, HtmlEncoder.Default.Encode(template), values));
    }

    private static string ValueHtml(IHtmlHelper html, IStringLocalizer<Strings> l, object value) => value switch
    {
        NamedThing { Name: { } name } => $"<q>{Write(html.Localized(name))}</q>",
        NamedThing thing => Encode(thing.Id.ToString()),
        LocalizedText text => Write(html.Localized(text)),
        Percentage p => Encode(Display.Percent(p.Value)),
        DateOnly d => Encode(Display.Date(d)),
        PartialDate d => Encode(Display.Date(d, "–")),
        decimal n => Encode(Display.Number(n)),
        AgreementStatus s => Encode(l[$"Status_{s}"]),
        Rag r => Encode(l[$"Rag_{r}"]),
        IndicatorPeriod p => Encode(l[$"IndicatorPeriod_{p}"]),
        _ => Encode(value.ToString() ?? ""),
    };

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Write(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
