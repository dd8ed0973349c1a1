using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.People;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.People;

/// <summary>
/// One person's committees, roles, focal workstreams and open actions. There is no sign-in yet (issue 7), so the
/// person comes from the address and the page says so.
/// </summary>
public sealed class ShowModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public AssignmentsView? Assignments { get; private set; }
    public IReadOnlyDictionary<Guid, Workstream> Workstreams { get; private set; } = new Dictionary<Guid, Workstream>();

    public async Task<IActionResult> OnGetAsync(string personId)
    {
        var ct = HttpContext.RequestAborted;
        Assignments = await DashboardReads.AssignmentsAsync(session, personId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (Assignments is null) return this.NotFoundPage();
        Workstreams = await DashboardReads.WorkstreamsByIdAsync(session,
            Assignments.FocalPointFor.Concat(Assignments.OpenActionItems.Select(a => a.WorkstreamId).OfType<Guid>()), ct);
        return Page();
    }
}
