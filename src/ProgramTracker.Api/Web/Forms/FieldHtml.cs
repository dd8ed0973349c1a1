using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ProgramTracker.Api.Web.Forms;

/// <summary>
/// One <see cref="FormField"/> as HTML: its label, hint, control and error line, as the <c>_Field</c> partial wrote
/// them, byte for byte (an administrator's page has dozens, and a partial view each cost more than its markup).
/// As Razor does, an attribute with nothing to say is left out, and a <c>data-</c> one is always written.
/// </summary>
public sealed class FieldHtml(FormField field) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        var f = field;
        var id = f.Id;
        var errorId = $"{id}-error";
        var hintId = $"{id}-hint";
        var describedBy = f.Hint is null ? errorId : $"{hintId} {errorId}";
        var optional = f.Required ? "false" : "true";

        void Text(string? value)
        {
            if (value is not null) encoder.Encode(writer, value);
        }

        void Attribute(string prefix, string? value)
        {
            if (value is null) return;
            writer.Write(prefix);
            writer.Write("=\"");
            encoder.Encode(writer, value);
            writer.Write('"');
        }

        void Flag(string prefix, string name, bool on)
        {
            if (!on) return;
            writer.Write(prefix);
            writer.Write(name);
            writer.Write("=\"");
            writer.Write(name);
            writer.Write('"');
        }

        void Hint()
        {
            if (f.Hint is null) return;
            writer.Write(" <p class=\"hint\" id=\"");
            Text(hintId);
            writer.Write("\">");
            Text(f.Hint);
            writer.Write("</p> ");
        }

        if (f.Type is "checkboxes" or "radios")
        {
            writer.Write("    <fieldset class=\"field field--choices\">\n        <legend>");
            Text(f.Label);
            writer.Write("</legend>\n");
            Hint();
            writer.Write("        <p class=\"field-error\" id=\"");
            Text(errorId);
            writer.Write("\" data-error-for=\"");
            Text(f.Name);
            writer.Write("\" hidden></p>\n");
            for (var i = 0; i < f.Options.Count; i++)
            {
                var o = f.Options[i];
                var number = i.ToString(CultureInfo.InvariantCulture);
                writer.Write("            <label class=\"choice\" for=\"");
                Text(id);
                writer.Write('-');
                Text(number);
                writer.Write("\">\n                <input id=\"");
                Text(id);
                writer.Write('-');
                Text(number);
                writer.Write("\" name=\"");
                Text(f.Name);
                writer.Write("\" type=\"");
                Text(f.Type == "radios" ? "radio" : "checkbox");
                writer.Write('"');
                Attribute(" value", o.Value);
                Flag(" ", "checked", o.Selected);
                writer.Write("\n                       data-optional=\"");
                Text(optional);
                writer.Write('"');
                Attribute(" aria-describedby", describedBy);
                writer.Write(">\n                <span");
                Attribute(" lang", o.Lang);
                writer.Write('>');
                Text(o.Label);
                writer.Write("</span>\n            </label>\n");
            }
            writer.Write("    </fieldset>\n");
            return;
        }

        writer.Write("<div class=\"field");
        Text(f.Type == "checkbox" ? " field--checkbox" : "");
        writer.Write("\">\n");
        if (f.Type == "checkbox")
        {
            writer.Write("        <label class=\"choice\" for=\"");
            Text(id);
            writer.Write("\">\n            <input");
            Attribute(" id", id);
            Attribute(" name", f.Name);
            writer.Write(" type=\"checkbox\" value=\"true\" data-kind=\"bool\"");
            Flag(" ", "checked", f.Value == "true");
            Attribute(" aria-describedby", describedBy);
            writer.Write(">\n            <span>");
            Text(f.Label);
            writer.Write("</span>\n        </label>\n");
        }
        else
        {
            writer.Write("        <label for=\"");
            Text(id);
            writer.Write("\">");
            Text(f.Label);
            writer.Write("</label>\n");
        }
        Hint();
        switch (f.Type)
        {
            case "checkbox":
                break;
            case "textarea":
                writer.Write("            <textarea");
                Attribute(" id", id);
                Attribute(" name", f.Name);
                Attribute(" rows", f.Rows.ToString(CultureInfo.CurrentCulture));
                Flag(" ", "required", f.Required);
                writer.Write(" data-optional=\"");
                Text(optional);
                writer.Write('"');
                Attribute(" maxlength", f.MaxLength?.ToString(CultureInfo.CurrentCulture));
                Attribute("\n                      aria-describedby", describedBy);
                writer.Write('>');
                Text(f.Value);
                writer.Write("</textarea>\n");
                break;
            case "select":
                writer.Write("            <select");
                Attribute(" id", id);
                Attribute(" name", f.Name);
                Flag(" ", "required", f.Required);
                writer.Write(" data-optional=\"");
                Text(optional);
                writer.Write('"');
                Attribute(" aria-describedby", describedBy);
                writer.Write(">\n");
                if (f.Placeholder is not null)
                {
                    writer.Write(" <option value=\"\">");
                    Text(f.Placeholder);
                    writer.Write("</option> ");
                }
                foreach (var o in f.Options)
                {
                    writer.Write("                    <option");
                    Attribute(" value", o.Value);
                    Flag(" ", "selected", o.Selected);
                    Attribute(" lang", o.Lang);
                    writer.Write('>');
                    Text(o.Label);
                    writer.Write("</option>\n");
                }
                writer.Write("            </select>\n");
                break;
            default:
                writer.Write("            <input");
                Attribute(" id", id);
                Attribute(" name", f.Name);
                Attribute(" type", f.Type);
                Attribute(" value", f.Value);
                Flag(" ", "required", f.Required);
                writer.Write(" data-optional=\"");
                Text(optional);
                writer.Write("\"\n                   data-kind=\"");
                Text(f.Type == "number" ? "number" : null);
                writer.Write('"');
                Attribute(" min", f.Min);
                Attribute(" max", f.Max);
                Attribute(" step", f.Step);
                Attribute(" maxlength", f.MaxLength?.ToString(CultureInfo.CurrentCulture));
                Attribute("\n                   inputmode", f.InputMode ?? (f.Type == "number" ? "decimal" : null));
                Attribute(" autocomplete", f.Autocomplete);
                Attribute("\n                   aria-describedby", describedBy);
                writer.Write(">\n");
                break;
        }
        writer.Write("    <p class=\"field-error\" id=\"");
        Text(errorId);
        writer.Write("\" data-error-for=\"");
        Text(f.Name);
        writer.Write("\" hidden></p>\n</div>\n");
    }
}

/// <summary><c>&lt;form-field model="…" /&gt;</c>: a <see cref="FormField"/> where the page had <c>&lt;partial name="_Field"&gt;</c>.</summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper : TagHelper
{
    public FormField Model { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(new FieldHtml(Model));
    }
}
