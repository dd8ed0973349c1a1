using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages.Agreements;

[Authorize(Policy = Policies.ReadAgreement)]
public sealed class ShowModel(Reads reads) : PageModel
{
    /// <summary>What GET /api/agreements/{id}/dashboard answers, today or as of <see cref="AsOf"/>.</summary>
    public AgreementDashboardView? Dashboard { get; private set; }
    public Timeline Timeline { get; private set; } = null!;

    /// <summary>The committees the dashboard was figured with: as they stood on the as-of day, when one is given.</summary>
    public IReadOnlyList<Committee> Committees { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public long? Version { get; private set; }

    /// <summary>Administrators see the forms that change the agreement, add workstreams and establish committees.</summary>
    public bool CanManage { get; private set; }

    /// <summary>The agreement's own snapshot, for the administrator's sign-off and closed-period forms; null for everyone else.</summary>
    public Agreement? Agreement { get; private set; }

    /// <summary>The text of an ?asOf= that is not a date, to say so next to the picker instead of ignoring it.</summary>
    public string? UnreadableAsOf { get; private set; }

    /// <summary>Set, the page shows the agreement as it stood when that day ended.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    /// <summary>How a past day is read (<see cref="AsOfBasis"/>): as recorded by then (the default) or by the dates on the events.</summary>
    [BindProperty(SupportsGet = true)] public AsOfBasis? Basis { get; set; }

    /// <summary>The text of a ?basis= that is neither basis, to say so next to the picker.</summary>
    public string? UnreadableBasis { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Today = reads.Today;
        if (AsOf >= Today) AsOf = null;
        UnreadableAsOf = this.UnreadableQueryValue(nameof(AsOf));
        UnreadableBasis = this.UnreadableQueryValue(nameof(Basis));
        if (await reads.AgreementAsync(id, AsOf, Basis ?? AsOfBasis.Recorded, HttpContext.RequestAborted) is not { } read) return this.NotFoundPage();
        Dashboard = read.View;
        Committees = read.Committees;
        // The same snapshots gave the figures and the version, so the live feed moves past it with the next event.
        if (AsOf is null) Version = read.Version;
        Timeline = Timeline.For(read.View.Workstreams, read.View.AsOf);
        CanManage = AsOf is null && (await HttpContext.AccessAsync()).IsAdministrator;
        if (CanManage) Agreement = read.Agreement;
        if (UnreadableAsOf is not null || UnreadableBasis is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
