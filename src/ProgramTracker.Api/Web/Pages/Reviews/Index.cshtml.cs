using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;

namespace ProgramTracker.Api.Web.Pages.Reviews;

/// <summary>What waits for the signed-in reviewer, oldest first, with a form to approve or return each: GET /api/me/reviews's list.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    public async Task OnGetAsync() =>
        Items = await ReviewQueue.ForAsync(session, await Reviewer.FromAsync(HttpContext), HttpContext.RequestAborted);
}
