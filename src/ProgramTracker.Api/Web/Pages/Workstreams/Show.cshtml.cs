using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Workstreams;

public sealed class ShowModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public Workstream? Workstream { get; private set; }
    public WorkstreamDashboard Summary { get; private set; } = null!;
    public Agreement? Agreement { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Completed { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var workstream = await session.LoadAsync<Workstream>(id, ct);
        if (workstream is null) return this.NotFoundPage();
        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(now.UtcDateTime);
        Workstream = workstream;
        Summary = DashboardReads.Build(workstream, Today);
        Agreement = await session.LoadAsync<Agreement>(workstream.AgreementId, ct);
        return Page();
    }

    public IEnumerable<Milestone> OpenMilestones => Workstream!.Milestones.Where(m => m.IsOpen).OrderBy(m => m.DueDate);

    public string? LeadPartyName => Agreement?.Parties.FirstOrDefault(p => p.PartyId == Workstream!.LeadPartyId) is { } p
        ? $"{p.Country} · {Display.Plain(p.Name)}"
        : Workstream!.LeadPartyId;
}
