using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Workstreams;

[Authorize(Policy = Policies.ReadWorkstream)]
public sealed class HistoryModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public Workstream? Workstream { get; private set; }
    public AuditView Audit { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Workstream = await session.LoadAsync<Workstream>(id, ct);
        var audit = Workstream is null ? null : await DashboardReads.WorkstreamHistoryAsync(session, id, From, To, Today, ct);
        if (audit is null) return this.NotFoundPage();
        Audit = audit;
        return Page();
    }
}
