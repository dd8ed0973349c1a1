using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramTracker.Api.Web.Pages.Agreements;

public sealed class ShowModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public AgreementDashboard? Dashboard { get; private set; }
    public Timeline Timeline { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var dashboard = await DashboardReads.AgreementAsync(session, id, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (dashboard is null) return this.NotFoundPage();
        Dashboard = dashboard;
        Timeline = Timeline.For(dashboard.Workstreams, dashboard.AsOf);
        return Page();
    }
}
