using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Web.Pages;

/// <summary>The portfolio: one page of GET /api/agreements, with the same filters and paging, read the same way.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(Reads reads) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>?page=, read from the query itself: Razor Pages keeps the route value "page" for the page's own name.</summary>
    public int? PageNumber => int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    [BindProperty(SupportsGet = true, Name = "pageSize")] public int? PageSize { get; set; }

    public AgreementPage Result { get; private set; } = new([], 0, 1, PortfolioQuery.DefaultPageSize);
    public IReadOnlyList<AgreementDashboardView> Shown => Result.Items;
    public PortfolioChoices Choices { get; private set; } = new([], []);

    /// <summary>Administrators see the link to register an agreement.</summary>
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var access = await HttpContext.AccessAsync();
        CanRegister = access.IsAdministrator;
        var visible = access.VisibleAgreements;
        // Out-of-range numbers in a hand-edited address are brought into range rather than refused: this is a page, not the API.
        var query = new PortfolioQuery(Country, Party, Status, Q?.Length > PortfolioQuery.MaxTextLength ? Q[..PortfolioQuery.MaxTextLength] : Q,
            Math.Clamp(PageNumber ?? 1, 1, PortfolioQuery.MaxPage),
            Math.Clamp(PageSize ?? PortfolioQuery.DefaultPageSize, 1, PortfolioQuery.MaxPageSize));
        Result = await reads.PortfolioAsync(query, visible, ct);
        Choices = await reads.PortfolioChoicesAsync(visible, ct);
    }

    public IEnumerable<string> Countries => Choices.Countries;

    public IEnumerable<PartyView> Parties => Choices.Parties;

    public int PageCount => (int)Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    /// <summary>The address of another page of the same list: the filters kept, the page number changed.</summary>
    public string PageUrl(int page)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) values.Add(new(name, value));
        }
        Add("q", Q);
        Add("country", Country);
        Add("party", Party);
        Add("status", Status?.ToString());
        if (PageSize is not null) Add("pageSize", Result.PageSize.ToString(CultureInfo.InvariantCulture));
        Add("page", page.ToString(CultureInfo.InvariantCulture));
        return "/" + Microsoft.AspNetCore.Http.QueryString.Create(values);
    }
}
