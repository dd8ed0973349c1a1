using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Committees.Meetings;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Committees;

[Authorize(Policy = Policies.ReadCommittee)]
public sealed class MinutesModel(Reads reads) : PageModel
{
    public MeetingRecord? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId)
    {
        (_, Record) = await reads.MeetingRecordAsync(id, meetingId, HttpContext.RequestAborted);
        return Record is null ? this.NotFoundPage() : Page();
    }
}
