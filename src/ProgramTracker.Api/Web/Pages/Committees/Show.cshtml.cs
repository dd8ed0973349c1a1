using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Committees;

[Authorize(Policy = Policies.ReadCommittee)]
public sealed class ShowModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public Committee? Committee { get; private set; }
    public CommitteeRoster Roster { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Workstream> Workstreams { get; private set; } = new Dictionary<Guid, Workstream>();
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Committee = await DashboardReads.CommitteeAsync(session, id, ct);
        if (Committee is null) return this.NotFoundPage();
        Roster = CommitteeRoster.From(Committee, Today, current: true);
        Workstreams = await DashboardReads.WorkstreamsByIdAsync(session,
            Committee.ActionItems.Select(a => a.WorkstreamId).Concat(Committee.Members.Select(m => m.WorkstreamId)).OfType<Guid>(), ct);
        return Page();
    }

    public IEnumerable<ActionItem> OpenActions => Committee!.ActionItems.Where(a => a.IsOpen).OrderBy(a => a.DueDate);

    public string? WorkstreamCode(Guid? id) => id is { } w && Workstreams.TryGetValue(w, out var ws) ? ws.Code : null;
}
