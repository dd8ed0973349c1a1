using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web;

/// <summary>
/// The small pieces every page repeats (a rating, a progress bar), written straight into the page. As partial views
/// each one cost a view lookup, a copied ViewData, a view context and a page activated with its helpers, several
/// times per workstream card; the markup is the same, byte for byte, as the partials wrote it.
/// </summary>
public static class Fragments
{
    /// <summary>A rating, with whether it was assessed or worked out from the milestones (null: say neither).</summary>
    public static IHtmlContent Rag(CachedStrings l, Rag? rating, bool? assessed) => new RagHtml(l, rating, assessed);

    public static IHtmlContent Progress(CachedStrings l, decimal percentComplete) => new ProgressHtml(l, percentComplete);

    private sealed class RagHtml : IHtmlContent
    {
        private static readonly string[] Names = Enum.GetNames<Rag>();
        private readonly string _name;
        private readonly string? _assessed;
        private readonly string? _how;
        private readonly string _label;

        public RagHtml(CachedStrings l, Rag? rating, bool? assessed)
        {
            _name = rating is { } r ? r.ToString() : "None";
            _assessed = assessed is { } a ? (a ? "true" : "false") : null;
            _how = assessed switch { true => l["Rag_Assessed"].Value, false => l["Rag_Computed"].Value, null => null };
            _label = l[$"Rag_{_name}"].Value;
        }

        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var html = new HtmlOut(writer, encoder);
            var lower = _name.ToLowerInvariant();
            html.Raw("<span class=\"rag rag--");
            html.Text(lower);
            html.Raw("\" data-rag=\"");
            html.Text(lower);
            html.Raw("\" data-rag-assessed=\"");
            html.Text(_assessed);
            html.Raw('"');
            html.Attribute(" title", _how);
            html.Raw("><span class=\"rag__dot\" aria-hidden=\"true\"></span>");
            html.Text(_label);
            if (_how is not null)
            {
                html.Raw("<span class=\"visually-hidden\"> (");
                html.Text(_how);
                html.Raw(")</span>");
            }
            html.Raw("</span>\n");
        }
    }

    private sealed class ProgressHtml(CachedStrings l, decimal percentComplete) : IHtmlContent
    {
        private readonly decimal _percent = Math.Clamp(percentComplete, 0m, 100m);
        private readonly string _label = l["Progress"].Value;
        private readonly string _text = l["Progress_Percent", Display.Percent(Math.Clamp(percentComplete, 0m, 100m))].Value;

        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var html = new HtmlOut(writer, encoder);
            var value = _percent.ToString("0.#", CultureInfo.InvariantCulture);
            html.Raw("<div class=\"progress\" role=\"progressbar\" aria-label=\"");
            html.Text(_label);
            html.Raw("\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"");
            html.Text(value);
            html.Raw("\" aria-valuetext=\"");
            html.Text(_text);
            // SVG geometry, not an inline style: the Content-Security-Policy allows no style attributes.
            html.Raw("\">\n    <svg class=\"progress__chart\" width=\"100%\" height=\"100%\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"progress__bar\" width=\"");
            html.Text(value);
            html.Raw("%\" height=\"100%\" /></svg>\n</div>\n<span class=\"progress__label\">");
            html.Text(_text);
            html.Raw("</span>\n");
        }
    }
}

/// <summary><c>&lt;rag model="(rating, assessed)" /&gt;</c>: <see cref="Fragments.Rag"/> where the page had the <c>_Rag</c> partial.</summary>
[HtmlTargetElement("rag", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RagTagHelper(CachedStrings l) : TagHelper
{
    public (Rag? Rating, bool? Assessed) Model { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(Fragments.Rag(l, Model.Rating, Model.Assessed));
    }
}

/// <summary><c>&lt;progress-bar model="percent" /&gt;</c>: <see cref="Fragments.Progress"/> where the page had the <c>_Progress</c> partial.</summary>
[HtmlTargetElement("progress-bar", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ProgressBarTagHelper(CachedStrings l) : TagHelper
{
    public decimal Model { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        output.Content.SetHtmlContent(Fragments.Progress(l, Model));
    }
}
