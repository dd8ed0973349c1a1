using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Committees;

/// <summary>
/// The page a secretary runs a meeting from. Anyone who may read the committee sees it; only those the API lets act
/// for the committee (its members in office, and administrators) get the forms.
/// </summary>
[Authorize(Policy = Policies.ReadCommittee)]
public sealed class MeetingModel(IQuerySession session, Reads reads) : PageModel
{
    public MeetingDesk? Desk { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanAct { get; private set; }

    /// <summary>The day the meeting was held, when not the day it was scheduled: attendance is ticked from who was in office then.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? HeldOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId)
    {
        Today = reads.Today;
        if (HeldOn > Today) HeldOn = null;
        Desk = await MeetingReads.DeskAsync(session, reads, id, meetingId, HeldOn, HttpContext.RequestAborted);
        if (Desk is null) return this.NotFoundPage();
        CanAct = (await HttpContext.AccessAsync()).CanActOn(id);
        return Page();
    }
}
