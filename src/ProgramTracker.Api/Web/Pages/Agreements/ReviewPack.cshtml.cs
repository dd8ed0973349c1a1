using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;

namespace ProgramTracker.Api.Web.Pages.Agreements;

/// <summary>What a steering committee reads before it meets, laid out for A4: the dashboard, the slippage, the open actions.</summary>
[Authorize(Policy = Policies.ReadAgreement)]
public sealed class ReviewPackModel(Reads reads) : PageModel
{
    public AgreementDashboardView? Dashboard { get; private set; }
    public IReadOnlyList<Committee> Committees { get; private set; } = [];

    /// <summary>Changes made to closed periods' figures, each with its reason, by workstream code.</summary>
    public IReadOnlyList<(string Code, CorrectionNote Correction)> Corrections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await reads.AgreementAsync(id, null, HttpContext.RequestAborted) is not { } read) return this.NotFoundPage();
        (Dashboard, Committees) = (read.View, read.Committees);
        Corrections = [.. read.View.Workstreams.SelectMany(w => (w.ClosedPeriodCorrections ?? []).Select(c => (w.Code, c))).OrderBy(x => x.c.EffectiveOn)];
        return Page();
    }

    public IEnumerable<(WorkstreamDashboardView Workstream, DashboardMilestoneView Milestone)> Slipped =>
        Dashboard!.Workstreams.SelectMany(w => (w.Milestones ?? []).Where(m => m.VarianceDays > 0 || m.Overdue).Select(m => (w, m)))
            .OrderByDescending(x => x.m.VarianceDays);

    public IEnumerable<(Committee Committee, ActionItem Action)> OpenActions =>
        Committees.SelectMany(c => c.ActionItems.Where(a => a.IsOpen).Select(a => (c, a))).OrderBy(x => x.a.DueDate);
}
