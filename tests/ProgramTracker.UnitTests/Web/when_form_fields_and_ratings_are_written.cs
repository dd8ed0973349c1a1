using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Web;
using ProgramTracker.Api.Web.Forms;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests.Web;

// The expected HTML is what the partial views these writers replaced (_Field, _Rag, _Progress) wrote, copied from
// pages saved by the build before them: Razor leaves out an attribute with nothing to say, but always writes data-.
public class when_form_fields_and_ratings_are_written
{
    private static readonly CachedStrings L = new(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static string Html(IHtmlContent content) => Html(() => content);

    // Built in the page's culture too, for what a writer words when it is made (the progress bar's percentage).
    private static string Html(Func<IHtmlContent> content)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
            using var writer = new StringWriter();
            content().WriteTo(writer, HtmlEncoder.Default);
            return writer.ToString();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void a_number_field_leaves_out_what_it_lacks_and_keeps_its_data_attributes() => Assert.Equal(
        "<div class=\"field\">\n        <label for=\"set-rate-rate\">Value of one unit in USD</label>\n"
        + "            <input id=\"set-rate-rate\" name=\"rate\" type=\"number\" required=\"required\" data-optional=\"false\"\n"
        + "                   data-kind=\"number\" min=\"0\" step=\"any\"\n                   inputmode=\"decimal\"\n"
        + "                   aria-describedby=\"set-rate-rate-error\">\n"
        + "    <p class=\"field-error\" id=\"set-rate-rate-error\" data-error-for=\"rate\" hidden></p>\n</div>\n",
        Html(new FieldHtml(new FormField("set-rate", "rate", "Value of one unit in USD", "number", Required: true) { Min = "0", Step = "any", InputMode = "decimal" })));

    [Fact]
    public void a_select_with_a_hint_and_a_placeholder_is_written_as_the_partial_wrote_it() => Assert.Equal(
        "<div class=\"field\">\n        <label for=\"add-source-partyId\">Party of the agreement</label>\n"
        + " <p class=\"hint\" id=\"add-source-partyId-hint\">Choose &#x27;one&#x27;</p>             <select id=\"add-source-partyId\" name=\"partyId\" data-optional=\"true\" aria-describedby=\"add-source-partyId-hint add-source-partyId-error\">\n"
        + " <option value=\"\">None</option>                     <option value=\"la-pco\">LA &#xB7; PCO</option>\n"
        + "                    <option value=\"la-mtc\" selected=\"selected\" lang=\"lo\">LA &#xB7; MTC</option>\n            </select>\n"
        + "    <p class=\"field-error\" id=\"add-source-partyId-error\" data-error-for=\"partyId\" hidden></p>\n</div>\n",
        Html(new FieldHtml(new FormField("add-source", "partyId", "Party of the agreement", "select")
        {
            Hint = "Choose 'one'", Placeholder = "None",
            Options = [new FormOption("la-pco", "LA · PCO"), new FormOption("la-mtc", "LA · MTC", Selected: true, Lang: "lo")],
        })));

    [Fact]
    public void a_rating_worked_out_from_the_milestones_says_so() => Assert.Equal(
        "<span class=\"rag rag--none\" data-rag=\"none\" data-rag-assessed=\"false\" title=\"computed from milestones\"><span class=\"rag__dot\" aria-hidden=\"true\"></span>Not rated<span class=\"visually-hidden\"> (computed from milestones)</span></span>\n",
        Html(Fragments.Rag(L, null, false)));

    [Fact]
    public void a_rating_with_nothing_to_say_of_how_has_no_title_and_an_empty_data_attribute() => Assert.Equal(
        "<span class=\"rag rag--green\" data-rag=\"green\" data-rag-assessed=\"\"><span class=\"rag__dot\" aria-hidden=\"true\"></span>" + Html(new HtmlString(HtmlEncoder.Default.Encode(L["Rag_Green"].Value))) + "</span>\n",
        Html(Fragments.Rag(L, Rag.Green, null)));

    // Pinned from pages the partial views' replacements wrote, which compared equal to the partials' own over the
    // sample data's pages (Web/Written): every other shape of field, the fieldsets and the progress bar.
    private static string Written(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Web", "Written", name));

    [Fact]
    public void a_line_per_language_keeps_each_language_s_value_and_the_length_limit() => Assert.Equal(Written("localized-text-line.html"),
        Html(FieldSetHtml.LocalizedText(L, new LocalizedTextField("edit", "title", "Title") { Value = new LocalizedText(En: "Data <centre>", Lo: "ສູນ"), MaxLength = 200 })));

    [Fact]
    public void a_text_area_per_language_holds_its_value_inside() => Assert.Equal(Written("localized-text-multiline.html"),
        Html(FieldSetHtml.LocalizedText(L, new LocalizedTextField("edit", "notes", "Notes", Required: false) { Multiline = true, Hint = "Say 'why'", Value = new LocalizedText(Vi: "Ghi chú") })));

    [Fact]
    public void a_date_known_to_the_month_selects_its_precision_and_month() => Assert.Equal(Written("partial-date-month.html"),
        Html(FieldSetHtml.PartialDate(L, new PartialDateField("plan", "due", "Due") { Value = new PartialDate(2027, 3) })));

    [Fact]
    public void an_empty_date_offers_every_part_with_its_hint() => Assert.Equal(Written("partial-date-empty.html"),
        Html(FieldSetHtml.PartialDate(L, new PartialDateField("plan", "start", "Start", Required: true) { Hint = "When" })));

    [Fact]
    public void a_progress_bar_draws_and_says_its_percentage() => Assert.Equal(Written("progress.html"), Html(() => Fragments.Progress(L, 42.5m)));

    [Fact]
    public void radios_check_the_selected_choice_and_mark_each_language() => Assert.Equal(Written("radios.html"),
        Html(new FieldHtml(new FormField("f", "kind", "Kind", "radios") { Hint = "h", Options = [new FormOption("a", "A", Selected: true), new FormOption("b", "B", Lang: "lo")] })));

    [Fact]
    public void a_checkbox_is_checked_by_its_value() => Assert.Equal(Written("checkbox.html"),
        Html(new FieldHtml(new FormField("f", "done", "Done", "checkbox") { Value = "true" })));

    [Fact]
    public void a_text_area_encodes_its_value() => Assert.Equal(Written("textarea.html"),
        Html(new FieldHtml(new FormField("f", "why", "Why", "textarea", Required: true) { MaxLength = 500, Value = "a < b" })));
}
