using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Web.Forms;

/// <summary>
/// A <see cref="LocalizedTextField"/> (one input per language, the page's first) and a <see cref="PartialDateField"/>
/// (precision, day, month, year) as HTML, as their partial views wrote them, byte for byte.
/// </summary>
public static class FieldSetHtml
{
    public static IHtmlContent LocalizedText(CachedStrings l, LocalizedTextField field)
    {
        var hint = field.Hint ?? (field.Required ? l["Form_AtLeastOneLanguage"].Value : l["Form_AnyLanguage"].Value);
        var languages = LocalizedTextField.LanguagesFor(Display.Language).Select(lang => (lang, l[$"LangName_{lang}"].Value)).ToArray();
        return new Writer((writer, encoder) =>
        {
            var html = new HtmlOut(writer, encoder);
            var f = field;
            var errorId = $"{f.Id}-error";
            var hintId = $"{f.Id}-hint";
            var maxLength = f.MaxLength?.ToString(CultureInfo.CurrentCulture);
            html.Raw("<fieldset class=\"field localized-text\" data-testid=\"localized-");
            html.Text(f.Name);
            html.Raw("\">\n");
            LegendHintAndError(html, f.Label, hintId, hint, errorId, f.Name);
            foreach (var (lang, languageName) in languages)
            {
                var id = $"{f.Id}.{lang}";
                var name = $"{f.Name}.{lang}";
                var value = f.Value?[lang];
                html.Raw("        <div class=\"localized-text__language\">\n            <label for=\"");
                html.Text(id);
                html.Raw("\">");
                html.Text(languageName);
                html.Raw("</label>\n");
                html.Raw(f.Multiline ? "                <textarea id=\"" : "                <input id=\"");
                html.Text(id);
                html.Raw("\" name=\"");
                html.Text(name);
                html.Raw("\" lang=\"");
                html.Text(lang);
                if (f.Multiline)
                {
                    html.Raw("\" rows=\"3\" data-optional");
                }
                else
                {
                    html.Raw("\" type=\"text\"");
                    html.Attribute(" value", value);
                    html.Raw(" data-optional");
                }
                html.Attribute(" maxlength", maxLength);
                html.Raw(f.Multiline ? "\n                          aria-describedby=\"" : "\n                       aria-describedby=\"");
                html.Text(hintId);
                html.Raw(' ');
                html.Text(errorId);
                html.Raw(' ');
                html.Text(id);
                html.Raw("-error\">");
                if (f.Multiline)
                {
                    html.Text(value);
                    html.Raw("</textarea>");
                }
                html.Raw("\n            <p class=\"field-error\" id=\"");
                html.Text(id);
                html.Raw("-error\" data-error-for=\"");
                html.Text(name);
                html.Raw("\" hidden></p>\n        </div>\n");
            }
            html.Raw("</fieldset>\n");
        });
    }

    private static readonly string[] Precisions = ["day", "month", "year", "no-year"];

    public static IHtmlContent PartialDate(CachedStrings l, PartialDateField field)
    {
        var hint = field.Hint ?? l["Date_Hint"].Value;
        var words = (Precision: l["Date_Precision"].Value, Day: l["Date_Day"].Value, Month: l["Date_Month"].Value, Year: l["Date_Year"].Value);
        var precisionNames = Precisions.Select(p => l[$"Date_Precision_{p}"].Value).ToArray();
        var months = CultureInfo.CurrentCulture.DateTimeFormat.MonthGenitiveNames;
        return new Writer((writer, encoder) =>
        {
            var html = new HtmlOut(writer, encoder);
            var f = field;
            var id = f.Id;
            var errorId = $"{id}-error";
            var hintId = $"{id}-hint";
            var precision = f.Value?.Precision switch
            {
                DatePrecision.Month => "month",
                DatePrecision.Year => "year",
                DatePrecision.YearNotStated => "no-year",
                _ => "day",
            };

            void Number(string part, string min, string max, string size, int? value)
            {
                html.Raw("        <div class=\"field\" data-part-field=\"");
                html.Raw(part);
                html.Raw("\">\n            <label for=\"");
                html.Text(id);
                html.Raw('-');
                html.Raw(part);
                html.Raw("\">");
                html.Text(part == "day" ? words.Day : words.Year);
                html.Raw("</label>\n            <input id=\"");
                html.Text(id);
                html.Raw('-');
                html.Raw(part);
                html.Raw("\" data-part=\"");
                html.Raw(part);
                html.Raw("\" type=\"number\" min=\"");
                html.Raw(min);
                html.Raw("\" max=\"");
                html.Raw(max);
                html.Raw("\" step=\"1\" inputmode=\"numeric\" size=\"");
                html.Raw(size);
                html.Raw('"');
                if (value is { } v)
                {
                    html.Raw("\n                   value=\"");
                    html.Text(v.ToString(CultureInfo.CurrentCulture));
                    html.Raw('"');
                }
                html.Raw(" aria-describedby=\"");
                html.Text(errorId);
                html.Raw("\">\n        </div>\n");
            }

            html.Raw("<fieldset class=\"field partial-date\" data-partial-date=\"");
            html.Text(f.Name);
            html.Raw("\" data-optional=\"");
            html.Raw(f.Required ? "false" : "true");
            html.Raw("\" data-testid=\"partial-date-");
            html.Text(f.Name);
            html.Raw("\">\n");
            LegendHintAndError(html, f.Label, hintId, hint, errorId, f.Name);
            html.Raw("    <div class=\"partial-date__parts\">\n        <div class=\"field\">\n            <label for=\"");
            html.Text(id);
            html.Raw("-precision\">");
            html.Text(words.Precision);
            html.Raw("</label>\n            <select id=\"");
            html.Text(id);
            html.Raw("-precision\" data-part=\"precision\" aria-describedby=\"");
            html.Text(hintId);
            html.Raw(' ');
            html.Text(errorId);
            html.Raw("\">\n");
            for (var i = 0; i < Precisions.Length; i++)
            {
                html.Raw("                    <option value=\"");
                html.Raw(Precisions[i]);
                html.Raw(Precisions[i] == precision ? "\" selected=\"selected\">" : "\">");
                html.Text(precisionNames[i]);
                html.Raw("</option>\n");
            }
            html.Raw("            </select>\n        </div>\n");
            Number("day", "1", "31", "3", f.Value?.Day);
            html.Raw("        <div class=\"field\" data-part-field=\"month\">\n            <label for=\"");
            html.Text(id);
            html.Raw("-month\">");
            html.Text(words.Month);
            html.Raw("</label>\n            <select id=\"");
            html.Text(id);
            html.Raw("-month\" data-part=\"month\" aria-describedby=\"");
            html.Text(errorId);
            html.Raw("\">\n                <option value=\"\"></option>\n");
            for (var m = 1; m <= 12; m++)
            {
                html.Raw("                    <option value=\"");
                html.Raw(m.ToString(CultureInfo.InvariantCulture));
                html.Raw(f.Value?.Month == m ? "\" selected=\"selected\">" : "\">");
                html.Text(months[m - 1]);
                html.Raw("</option>\n");
            }
            html.Raw("            </select>\n        </div>\n");
            Number("year", "1900", "2200", "5", f.Value?.Year);
            html.Raw("    </div>\n</fieldset>\n");
        });
    }

    /// <summary>What both fieldsets open with: the legend, the hint and the fieldset's own error line.</summary>
    private static void LegendHintAndError(HtmlOut html, string label, string hintId, string hint, string errorId, string name)
    {
        html.Raw("    <legend>");
        html.Text(label);
        html.Raw("</legend>\n    <p class=\"hint\" id=\"");
        html.Text(hintId);
        html.Raw("\">");
        html.Text(hint);
        html.Raw("</p>\n    <p class=\"field-error\" id=\"");
        html.Text(errorId);
        html.Raw("\" data-error-for=\"");
        html.Text(name);
        html.Raw("\" hidden></p>\n");
    }

    private sealed class Writer(Action<TextWriter, HtmlEncoder> write) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => write(writer, encoder);
    }
}

/// <summary><c>&lt;localized-text-field model="…" /&gt;</c>, where the page had the <c>_LocalizedTextField</c> partial.</summary>
[HtmlTargetElement("localized-text-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalizedTextFieldTagHelper(CachedStrings l) : TagHelper
{
    public LocalizedTextField Model { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(FieldSetHtml.LocalizedText(l, Model));
    }
}

/// <summary><c>&lt;partial-date-field model="…" /&gt;</c>, where the page had the <c>_PartialDateField</c> partial.</summary>
[HtmlTargetElement("partial-date-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PartialDateFieldTagHelper(CachedStrings l) : TagHelper
{
    public PartialDateField Model { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(FieldSetHtml.PartialDate(l, Model));
    }
}
