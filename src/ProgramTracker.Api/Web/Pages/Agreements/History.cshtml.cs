using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Agreements;

[Authorize(Policy = Policies.ReadAgreement)]
public sealed class HistoryModel(IQuerySession session, Reads reads) : HistoryPageModel
{
    public Agreement? Agreement { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = reads.Today;
        Agreement = await session.LoadAsync<Agreement>(id, ct);
        return Show(Agreement is null ? null : await reads.AgreementHistoryAsync(id, From, To, ct, BasisOrDefault));
    }
}
