using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Agreements;

[Authorize(Policy = Policies.ReadAgreement)]
public sealed class ShowModel(Reads reads) : AsOfPageModel(AsOfBasis.Recorded)
{
    /// <summary>What GET /api/agreements/{id}/dashboard answers, today or as of <see cref="AsOf"/>.</summary>
    public AgreementDashboardView? Dashboard { get; private set; }
    public Timeline Timeline { get; private set; } = null!;

    /// <summary>The committees the dashboard was figured with: as they stood on the as-of day, when one is given.</summary>
    public IReadOnlyList<Committee> Committees { get; private set; } = [];
    public long? Version { get; private set; }

    /// <summary>Administrators see the forms that change the agreement, add workstreams and establish committees.</summary>
    public bool CanManage { get; private set; }

    /// <summary>The agreement's own snapshot, for the administrator's sign-off and closed-period forms; null for everyone else.</summary>
    public Agreement? Agreement { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        ReadAsOf(reads.Today);
        if (await reads.AgreementAsync(id, AsOf, BasisOrDefault, HttpContext.RequestAborted) is not { } read) return this.NotFoundPage();
        Dashboard = read.View;
        Committees = read.Committees;
        // The same snapshots gave the figures and the version, so the live feed moves past it with the next event.
        if (AsOf is null) Version = read.Version;
        Timeline = Timeline.For(read.View.Workstreams, read.View.AsOf);
        CanManage = AsOf is null && (await HttpContext.AccessAsync()).IsAdministrator;
        if (CanManage) Agreement = read.Agreement;
        return ShowPage();
    }
}
