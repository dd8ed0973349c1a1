using System.Text.Json;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.Api.Web.Forms;

/// <summary>
/// <c>&lt;api-form id url done rules&gt;</c>: a form that site.js posts as JSON to an API URL with the cookie session
/// and antiforgery header, showing each refusal's rule next to its field in the page's language. The URL and done
/// target may name form fields or, for done, members of the API's answer in braces: <c>{milestoneId}</c>, <c>{id}</c>.
/// </summary>
[HtmlTargetElement("api-form")]
public sealed class ApiFormTagHelper(CachedStrings l) : TagHelper
{
    /// <summary>Rules every form can be answered with, whatever the command.</summary>
    public static readonly string[] CommonRules =
    [
        "required", "reason:required", "max-length", "range", "url", "type", "date-format", "unknown-member", "malformed-json",
        "concurrent-write", "stale-if-match", "forbidden", "not-found", "antiforgery", "unauthenticated",
    ];

    private static readonly (string Code, string Key)[] CommonKeys = [.. CommonRules.Select(code => (code, FormRules.Key(code)))];

    public string Id { get; set; } = "";
    public string Url { get; set; } = "";
    public string Done { get; set; } = "";
    public string Method { get; set; } = "POST";
    public string? Failed { get; set; }
    public string? Sending { get; set; }
    public string? Class { get; set; }
    public IReadOnlyDictionary<string, string>? Rules { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "form";
        output.TagMode = TagMode.StartTagAndEndTag;
        var rules = new Dictionary<string, string>(CommonKeys.Length + (Rules?.Count ?? 0));
        foreach (var (code, key) in CommonKeys) rules[code] = l[key].Value;
        foreach (var (code, words) in Rules ?? new Dictionary<string, string>()) rules[code] = words;

        output.Attributes.SetAttribute("id", Id);
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(Class) ? "form" : $"form {Class}");
        output.Attributes.SetAttribute("novalidate", null);
        output.Attributes.SetAttribute("data-api-form", null);
        output.Attributes.SetAttribute("data-url", Url);
        output.Attributes.SetAttribute("data-done", Done);
        if (!string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase)) output.Attributes.SetAttribute("data-method", Method.ToUpperInvariant());
        output.Attributes.SetAttribute("data-failed", Failed ?? l["Form_Failed"].Value);
        output.Attributes.SetAttribute("data-sending", Sending ?? l["Complete_Sending"].Value);
        output.Attributes.SetAttribute("data-rules", JsonSerializer.Serialize(rules));
        output.PreContent.SetHtmlContent("<p class=\"form-error\" role=\"alert\" tabindex=\"-1\" data-form-error hidden></p>");
    }
}

/// <summary>The words for a form's refusal rules, from the resources' <c>Rule_{code}</c> (":" written "-").</summary>
public static class FormRules
{
    public static Dictionary<string, string> Words(IStringLocalizer l, params string[] codes) =>
        codes.Distinct().ToDictionary(code => code, code => l[Key(code)].Value);

    /// <summary>The resource name of a rule's words.</summary>
    public static string Key(string code) => $"Rule_{code.Replace(':', '-')}";

    /// <summary>Adds rules whose words sit under another key (a "future-date" that means "the block date").</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> rules, IStringLocalizer l, string code, string key)
    {
        rules[code] = l[key].Value;
        return rules;
    }
}
