using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Workstreams;

[Authorize(Policy = Policies.ReadWorkstream)]
public sealed class HistoryModel(IQuerySession session, Reads reads) : HistoryPageModel
{
    public Workstream? Workstream { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = reads.Today;
        Workstream = await session.LoadAsync<Workstream>(id, ct);
        return Show(Workstream is null ? null : await reads.WorkstreamHistoryAsync(id, From, To, ct, BasisOrDefault));
    }
}
