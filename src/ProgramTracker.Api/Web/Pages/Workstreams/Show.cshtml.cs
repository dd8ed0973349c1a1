using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Workstreams;

[Authorize(Policy = Policies.ReadWorkstream)]
public sealed class ShowModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public Workstream? Workstream { get; private set; }
    public WorkstreamDashboard Summary { get; private set; } = null!;
    public Agreement? Agreement { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>Only the workstream's project officers (and administrators) see the forms that record on it.</summary>
    public bool CanRecord { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Completed { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Progressed { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Rescheduled { get; set; }

    /// <summary>Set, the page shows the workstream as it stood when that day ended, and offers no forms.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (AsOf >= Today) AsOf = null;
        var workstream = await DashboardReads.WorkstreamAsync(session, id, AsOf, ct);
        if (workstream is null) return this.NotFoundPage();
        Workstream = workstream;
        Summary = DashboardReads.Build(workstream, AsOf ?? Today);
        Agreement = await session.LoadAsync<Agreement>(workstream.AgreementId, ct);
        CanRecord = (await HttpContext.AccessAsync()).CanRecordOn(id);
        return Page();
    }

    public IEnumerable<Milestone> OpenMilestones => Workstream!.Milestones.Where(m => m.IsOpen).OrderBy(m => m.DueDate);

    public string? LeadPartyName => Agreement?.Parties.FirstOrDefault(p => p.PartyId == Workstream!.LeadPartyId) is { } p
        ? $"{p.Country} · {Display.Plain(p.Name)}"
        : Workstream!.LeadPartyId;
}
