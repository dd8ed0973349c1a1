using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Committees.Meetings;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Committees;

[Authorize(Policy = Policies.ReadCommittee)]
public sealed class MinutesModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public MeetingRecord? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId)
    {
        Record = await DashboardReads.MinutesAsync(session, id, meetingId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), HttpContext.RequestAborted);
        return Record is null ? this.NotFoundPage() : Page();
    }
}
