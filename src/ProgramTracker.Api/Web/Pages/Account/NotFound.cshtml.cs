using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramTracker.Api.Web.Pages.Account;

/// <summary>
/// What a page of an agreement the user may not read answers (Security.AccessProblems shows it in that page's
/// place): the same "not found" as for an id that names nothing, so a page does not tell what exists.
/// </summary>
[AllowAnonymous]
public sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
