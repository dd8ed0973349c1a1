using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramTracker.Api.Web;

public static class PageResults
{
    /// <summary>
    /// A 404 that still renders the page (which shows "not found" in the chosen language), so people get a page
    /// with the site around it instead of the API's ProblemDetails.
    /// </summary>
    public static IActionResult NotFoundPage(this PageModel page)
    {
        page.Response.StatusCode = StatusCodes.Status404NotFound;
        return page.Page();
    }

    /// <summary>The text given for a bound query value that could not be read (such as ?asOf=2025-13-45), else null.</summary>
    public static string? UnreadableQueryValue(this PageModel page, string property) =>
        page.ModelState.TryGetValue(property, out var entry) && entry.ValidationState == ModelValidationState.Invalid
            ? entry.AttemptedValue ?? ""
            : null;
}
