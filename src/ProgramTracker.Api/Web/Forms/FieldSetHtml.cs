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
            var f = field;
            var errorId = $"{f.Id}-error";
            var hintId = $"{f.Id}-hint";
            var maxLength = f.MaxLength?.ToString(CultureInfo.CurrentCulture);
            writer.Write("<fieldset class=\"field localized-text\" data-testid=\"localized-");
            encoder.Encode(writer, f.Name);
            writer.Write("\">\n    <legend>");
            encoder.Encode(writer, f.Label);
            writer.Write("</legend>\n    <p class=\"hint\" id=\"");
            encoder.Encode(writer, hintId);
            writer.Write("\">");
            encoder.Encode(writer, hint);
            writer.Write("</p>\n    <p class=\"field-error\" id=\"");
            encoder.Encode(writer, errorId);
            writer.Write("\" data-error-for=\"");
            encoder.Encode(writer, f.Name);
            writer.Write("\" hidden></p>\n");
            foreach (var (lang, languageName) in languages)
            {
                var id = $"{f.Id}.{lang}";
                var name = $"{f.Name}.{lang}";
                var value = f.Value?[lang];
                writer.Write("        <div class=\"localized-text__language\">\n            <label for=\"");
                encoder.Encode(writer, id);
                writer.Write("\">");
                encoder.Encode(writer, languageName);
                writer.Write("</label>\n");
                writer.Write(f.Multiline ? "                <textarea id=\"" : "                <input id=\"");
                encoder.Encode(writer, id);
                writer.Write("\" name=\"");
                encoder.Encode(writer, name);
                writer.Write("\" lang=\"");
                encoder.Encode(writer, lang);
                if (f.Multiline)
                {
                    writer.Write("\" rows=\"3\" data-optional");
                }
                else
                {
                    writer.Write("\" type=\"text\"");
                    if (value is not null)
                    {
                        writer.Write(" value=\"");
                        encoder.Encode(writer, value);
                        writer.Write('"');
                    }
                    writer.Write(" data-optional");
                }
                if (maxLength is not null)
                {
                    writer.Write(" maxlength=\"");
                    encoder.Encode(writer, maxLength);
                    writer.Write('"');
                }
                writer.Write(f.Multiline ? "\n                          aria-describedby=\"" : "\n                       aria-describedby=\"");
                encoder.Encode(writer, hintId);
                writer.Write(' ');
                encoder.Encode(writer, errorId);
                writer.Write(' ');
                encoder.Encode(writer, id);
                writer.Write("-error\">");
                if (f.Multiline)
                {
                    if (value is not null) encoder.Encode(writer, value);
                    writer.Write("</textarea>");
                }
                writer.Write("\n            <p class=\"field-error\" id=\"");
                encoder.Encode(writer, id);
                writer.Write("-error\" data-error-for=\"");
                encoder.Encode(writer, name);
                writer.Write("\" hidden></p>\n        </div>\n");
            }
            writer.Write("</fieldset>\n");
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

            void Text(string value) => encoder.Encode(writer, value);

            void Number(string part, string min, string max, string size, int? value)
            {
                writer.Write("        <div class=\"field\" data-part-field=\"");
                writer.Write(part);
                writer.Write("\">\n            <label for=\"");
                Text(id);
                writer.Write('-');
                writer.Write(part);
                writer.Write("\">");
                Text(part == "day" ? words.Day : words.Year);
                writer.Write("</label>\n            <input id=\"");
                Text(id);
                writer.Write('-');
                writer.Write(part);
                writer.Write("\" data-part=\"");
                writer.Write(part);
                writer.Write("\" type=\"number\" min=\"");
                writer.Write(min);
                writer.Write("\" max=\"");
                writer.Write(max);
                writer.Write("\" step=\"1\" inputmode=\"numeric\" size=\"");
                writer.Write(size);
                writer.Write('"');
                if (value is { } v)
                {
                    writer.Write("\n                   value=\"");
                    Text(v.ToString(CultureInfo.CurrentCulture));
                    writer.Write('"');
                }
                writer.Write(" aria-describedby=\"");
                Text(errorId);
                writer.Write("\">\n        </div>\n");
            }

            writer.Write("<fieldset class=\"field partial-date\" data-partial-date=\"");
            Text(f.Name);
            writer.Write("\" data-optional=\"");
            writer.Write(f.Required ? "false" : "true");
            writer.Write("\" data-testid=\"partial-date-");
            Text(f.Name);
            writer.Write("\">\n    <legend>");
            Text(f.Label);
            writer.Write("</legend>\n    <p class=\"hint\" id=\"");
            Text(hintId);
            writer.Write("\">");
            Text(hint);
            writer.Write("</p>\n    <p class=\"field-error\" id=\"");
            Text(errorId);
            writer.Write("\" data-error-for=\"");
            Text(f.Name);
            writer.Write("\" hidden></p>\n    <div class=\"partial-date__parts\">\n        <div class=\"field\">\n            <label for=\"");
            Text(id);
            writer.Write("-precision\">");
            Text(words.Precision);
            writer.Write("</label>\n            <select id=\"");
            Text(id);
            writer.Write("-precision\" data-part=\"precision\" aria-describedby=\"");
            Text(hintId);
            writer.Write(' ');
            Text(errorId);
            writer.Write("\">\n");
            for (var i = 0; i < Precisions.Length; i++)
            {
                writer.Write("                    <option value=\"");
                writer.Write(Precisions[i]);
                writer.Write(Precisions[i] == precision ? "\" selected=\"selected\">" : "\">");
                Text(precisionNames[i]);
                writer.Write("</option>\n");
            }
            writer.Write("            </select>\n        </div>\n");
            Number("day", "1", "31", "3", f.Value?.Day);
            writer.Write("        <div class=\"field\" data-part-field=\"month\">\n            <label for=\"");
            Text(id);
            writer.Write("-month\">");
            Text(words.Month);
            writer.Write("</label>\n            <select id=\"");
            Text(id);
            writer.Write("-month\" data-part=\"month\" aria-describedby=\"");
            Text(errorId);
            writer.Write("\">\n                <option value=\"\"></option>\n");
            for (var m = 1; m <= 12; m++)
            {
                writer.Write("                    <option value=\"");
                writer.Write(m.ToString(CultureInfo.InvariantCulture));
                writer.Write(f.Value?.Month == m ? "\" selected=\"selected\">" : "\">");
                Text(months[m - 1]);
                writer.Write("</option>\n");
            }
            writer.Write("            </select>\n        </div>\n");
            Number("year", "1900", "2200", "5", f.Value?.Year);
            writer.Write("    </div>\n</fieldset>\n");
        });
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
