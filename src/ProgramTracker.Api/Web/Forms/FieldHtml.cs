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
        var html = new HtmlOut(writer, encoder);

        void Hint()
        {
            if (f.Hint is null) return;
            html.Raw(" <p class=\"hint\" id=\"");
            html.Text(hintId);
            html.Raw("\">");
            html.Text(f.Hint);
            html.Raw("</p> ");
        }

        if (f.Type is "checkboxes" or "radios")
        {
            html.Raw("    <fieldset class=\"field field--choices\">\n        <legend>");
            html.Text(f.Label);
            html.Raw("</legend>\n");
            Hint();
            html.Raw("        <p class=\"field-error\" id=\"");
            html.Text(errorId);
            html.Raw("\" data-error-for=\"");
            html.Text(f.Name);
            html.Raw("\" hidden></p>\n");
            for (var i = 0; i < f.Options.Count; i++)
            {
                var o = f.Options[i];
                var number = i.ToString(CultureInfo.InvariantCulture);
                html.Raw("            <label class=\"choice\" for=\"");
                html.Text(id);
                html.Raw('-');
                html.Text(number);
                html.Raw("\">\n                <input id=\"");
                html.Text(id);
                html.Raw('-');
                html.Text(number);
                html.Raw("\" name=\"");
                html.Text(f.Name);
                html.Raw("\" type=\"");
                html.Text(f.Type == "radios" ? "radio" : "checkbox");
                html.Raw('"');
                html.Attribute(" value", o.Value);
                html.Flag(" ", "checked", o.Selected);
                html.Raw("\n                       data-optional=\"");
                html.Text(optional);
                html.Raw('"');
                html.Attribute(" aria-describedby", describedBy);
                html.Raw(">\n                <span");
                html.Attribute(" lang", o.Lang);
                html.Raw('>');
                html.Text(o.Label);
                html.Raw("</span>\n            </label>\n");
            }
            html.Raw("    </fieldset>\n");
            return;
        }

        html.Raw("<div class=\"field");
        html.Text(f.Type == "checkbox" ? " field--checkbox" : "");
        html.Raw("\">\n");
        if (f.Type == "checkbox")
        {
            html.Raw("        <label class=\"choice\" for=\"");
            html.Text(id);
            html.Raw("\">\n            <input");
            html.Attribute(" id", id);
            html.Attribute(" name", f.Name);
            html.Raw(" type=\"checkbox\" value=\"true\" data-kind=\"bool\"");
            html.Flag(" ", "checked", f.Value == "true");
            html.Attribute(" aria-describedby", describedBy);
            html.Raw(">\n            <span>");
            html.Text(f.Label);
            html.Raw("</span>\n        </label>\n");
        }
        else
        {
            html.Raw("        <label for=\"");
            html.Text(id);
            html.Raw("\">");
            html.Text(f.Label);
            html.Raw("</label>\n");
        }
        Hint();
        switch (f.Type)
        {
            case "checkbox":
                break;
            case "textarea":
                html.Raw("            <textarea");
                html.Attribute(" id", id);
                html.Attribute(" name", f.Name);
                html.Attribute(" rows", f.Rows.ToString(CultureInfo.CurrentCulture));
                html.Flag(" ", "required", f.Required);
                html.Raw(" data-optional=\"");
                html.Text(optional);
                html.Raw('"');
                html.Attribute(" maxlength", f.MaxLength?.ToString(CultureInfo.CurrentCulture));
                html.Attribute("\n                      aria-describedby", describedBy);
                html.Raw('>');
                html.Text(f.Value);
                html.Raw("</textarea>\n");
                break;
            case "select":
                html.Raw("            <select");
                html.Attribute(" id", id);
                html.Attribute(" name", f.Name);
                html.Flag(" ", "required", f.Required);
                html.Raw(" data-optional=\"");
                html.Text(optional);
                html.Raw('"');
                html.Attribute(" aria-describedby", describedBy);
                html.Raw(">\n");
                if (f.Placeholder is not null)
                {
                    html.Raw(" <option value=\"\">");
                    html.Text(f.Placeholder);
                    html.Raw("</option> ");
                }
                foreach (var o in f.Options)
                {
                    html.Raw("                    <option");
                    html.Attribute(" value", o.Value);
                    html.Flag(" ", "selected", o.Selected);
                    html.Attribute(" lang", o.Lang);
                    html.Raw('>');
                    html.Text(o.Label);
                    html.Raw("</option>\n");
                }
                html.Raw("            </select>\n");
                break;
            default:
                html.Raw("            <input");
                html.Attribute(" id", id);
                html.Attribute(" name", f.Name);
                html.Attribute(" type", f.Type);
                html.Attribute(" value", f.Value);
                html.Flag(" ", "required", f.Required);
                html.Raw(" data-optional=\"");
                html.Text(optional);
                html.Raw("\"\n                   data-kind=\"");
                html.Text(f.Type == "number" ? "number" : null);
                html.Raw('"');
                html.Attribute(" min", f.Min);
                html.Attribute(" max", f.Max);
                html.Attribute(" step", f.Step);
                html.Attribute(" maxlength", f.MaxLength?.ToString(CultureInfo.CurrentCulture));
                html.Attribute("\n                   inputmode", f.InputMode ?? (f.Type == "number" ? "decimal" : null));
                html.Attribute(" autocomplete", f.Autocomplete);
                html.Attribute("\n                   aria-describedby", describedBy);
                html.Raw(">\n");
                break;
        }
        html.Raw("    <p class=\"field-error\" id=\"");
        html.Text(errorId);
        html.Raw("\" data-error-for=\"");
        html.Text(f.Name);
        html.Raw("\" hidden></p>\n</div>\n");
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
