using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<AgreementDashboard> All { get; private set; } = [];
    public IReadOnlyList<AgreementDashboard> Shown { get; private set; } = [];

    /// <summary>Administrators see the link to register an agreement.</summary>
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync()
    {
        var access = await HttpContext.AccessAsync();
        CanRegister = access.IsAdministrator;
        All = await DashboardReads.PortfolioAsync(session, clock.GetUtcNow(), access.VisibleAgreements, HttpContext.RequestAborted);
        var filter = new PortfolioFilter(Country, Party, Status, Q);
        Shown = [.. All.Where(filter.Matches)];
    }

    public IEnumerable<string> Countries => All.SelectMany(a => a.Countries).Distinct().Order();

    public IEnumerable<PartyView> Parties => All.SelectMany(a => a.Parties).DistinctBy(p => p.PartyId).OrderBy(p => p.Country).ThenBy(p => p.PartyId);
}
