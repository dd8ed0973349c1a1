using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.People;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.People;

/// <summary>
/// "My assignments": the signed-in person's committees, roles, focal workstreams and open actions. An administrator
/// may open anyone's; everyone else gets only their own.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ShowModel(Reads reads) : PageModel
{
    public AssignmentsView? Assignments { get; private set; }
    public IReadOnlyDictionary<Guid, Workstream> Workstreams { get; private set; } = new Dictionary<Guid, Workstream>();

    public async Task<IActionResult> OnGetAsync(string personId)
    {
        var ct = HttpContext.RequestAborted;
        // Assignments span agreements: a user opens their own, an administrator anyone's.
        var access = await HttpContext.AccessAsync();
        if (!access.IsAdministrator && access.PersonId != personId) return this.NotFoundPage();
        Assignments = await reads.AssignmentsAsync(personId, ct);
        if (Assignments is null) return this.NotFoundPage();
        Workstreams = await reads.WorkstreamsByIdAsync(
            Assignments.FocalPointFor.Concat(Assignments.OpenActionItems.Select(a => a.WorkstreamId).OfType<Guid>()), ct);
        return Page();
    }
}
