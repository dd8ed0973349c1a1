using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Committees;

[Authorize(Policy = Policies.ReadCommittee)]
public sealed class ShowModel(Reads reads) : PageModel
{
    public Committee? Committee { get; private set; }
    public CommitteeRoster Roster { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Workstream> Workstreams { get; private set; } = new Dictionary<Guid, Workstream>();
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = reads.Today;
        if (await reads.CommitteeAsync(id, ct) is not { } read) return this.NotFoundPage();
        (Committee, Roster) = (read.Committee, read.Roster);
        Workstreams = await reads.WorkstreamsByIdAsync(
            Committee.ActionItems.Select(a => a.WorkstreamId).Concat(Committee.Members.Select(m => m.WorkstreamId)).OfType<Guid>(), ct);
        return Page();
    }

    public IEnumerable<ActionItem> OpenActions => Committee!.ActionItems.Where(a => a.IsOpen).OrderBy(a => a.DueDate);

    /// <summary>A party by its country and name in the page's language; its id only when the agreement does not name it.</summary>
    public string? PartyName(string? partyId) =>
        Roster.Party(partyId) is { } p ? $"{p.Country} · {Display.Plain(p.Name)}" : partyId;

    public string? WorkstreamCode(Guid? id) => id is { } w && Workstreams.TryGetValue(w, out var ws) ? ws.Code : null;
}
