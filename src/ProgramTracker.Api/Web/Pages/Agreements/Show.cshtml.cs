using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Agreements;

[Authorize(Policy = Policies.ReadAgreement)]
public sealed class ShowModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public AgreementDashboard? Dashboard { get; private set; }
    public Timeline Timeline { get; private set; } = null!;
    public IReadOnlyList<Committee> Committees { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public long? Version { get; private set; }

    /// <summary>Administrators see the forms that change the agreement, add workstreams and establish committees.</summary>
    public bool CanManage { get; private set; }

    /// <summary>The text of an ?asOf= that is not a date, to say so next to the picker instead of ignoring it.</summary>
    public string? UnreadableAsOf { get; private set; }

    /// <summary>Set, the page shows the agreement as it stood when that day ended.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (AsOf >= Today) AsOf = null;
        UnreadableAsOf = this.UnreadableQueryValue(nameof(AsOf));
        // Read before the figures: an event landing in between then moves the version again, and the live page refreshes.
        if (AsOf is null) Version = await DashboardReads.AgreementVersionAsync(session, id, ct);
        var dashboard = AsOf is { } day
            ? await DashboardReads.AgreementAsOfAsync(session, id, day, ct)
            : await DashboardReads.AgreementAsync(session, id, clock.GetUtcNow(), ct);
        if (dashboard is null) return this.NotFoundPage();
        Dashboard = dashboard;
        Timeline = Timeline.For(dashboard.Workstreams, dashboard.AsOf);
        Committees = await DashboardReads.CommitteesOfAsync(session, id, ct);
        CanManage = AsOf is null && (await HttpContext.AccessAsync()).IsAdministrator;
        if (UnreadableAsOf is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
