using Marten;
using Marten.Linq;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public sealed record AgreementPage(IReadOnlyList<AgreementDashboardView> Items, long Total, int Page, int PageSize);

/// <summary>The portfolio: every agreement with its status, validity and progress roll-up, read from the dashboards.</summary>
public static class ListAgreementsEndpoint
{
    public const int MaxPageSize = 100;

    [Authorize(Policy = Policies.SignedIn)]
    [Reads<AgreementPage>]
    [WolverineGet("/api/agreements")]
    public static async Task<IResult> Get(string? country, string? party, string? status, string? q, string? page, string? pageSize,
        IQuerySession session, HttpContext http, TimeProvider clock, IConfiguration configuration)
    {
        if (!QueryValues.TryInt("page", page, 1, 100_000, out var pageNumber, out var problem)) return problem!;
        if (!QueryValues.TryInt("pageSize", pageSize, 1, MaxPageSize, out var size, out problem)) return problem!;
        AgreementStatus? wanted = null;
        if (status is { Length: > 0 } rawStatus)
        {
            if (!Enum.TryParse<AgreementStatus>(rawStatus, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(rawStatus, out _))
                return QueryValues.Invalid("status", "status", "'status' must be one of draft, signed, inForce, expired, closed.");
            wanted = parsed;
        }
        var countryCode = country?.Trim().ToUpperInvariant() ?? "";
        var partyId = party?.Trim() ?? "";
        var text = q?.Trim().ToLowerInvariant() ?? "";
        if (text.Length > 200) return QueryValues.Invalid("q", "max-length", "'q' must be at most 200 characters.");

        var (p, take) = (pageNumber ?? 1, size ?? 20);
        var dashboards = session.Query<AgreementDashboard>().Where(d => d.Code != "");
        if ((await http.AccessAsync()).VisibleAgreements is { } visible) dashboards = dashboards.Where(d => d.Id.IsOneOf(visible));
        if (wanted is { } s) dashboards = dashboards.Where(d => d.Status == s);
        if (countryCode.Length > 0) dashboards = dashboards.Where(d => d.Countries.Contains(countryCode));
        if (partyId.Length > 0) dashboards = dashboards.Where(d => d.PartyIds.Contains(partyId));
        if (text.Length > 0) dashboards = dashboards.Where(d => d.SearchText.Contains(text));

        // The page's ids first, from the code index alone; then only those agreements' portfolio lines. Reading the
        // lines in the paging query would unpack every skipped document too, and whole documents carry every milestone.
        var ids = (await dashboards.Stats(out QueryStatistics stats)
            .OrderBy(d => d.Code)
            .Skip((p - 1) * take)
            .Take(take)
            .Select(d => d.Id)
            .ToListAsync(http.RequestAborted)).ToArray();
        var lines = ids.Length == 0
            ? []
            : await session.Query<AgreementDashboard>()
                .Where(d => d.Id.IsOneOf(ids))
                .Select(d => new { d.Id, d.Portfolio })
                .ToListAsync(http.RequestAborted);
        var found = lines.OrderBy(l => Array.IndexOf(ids, l.Id)).ToList();

        var today = clock.Today();
        var staleAfterDays = DashboardFigures.StaleAfterDays(configuration);
        // Documents projected before they carried a portfolio line are read whole until the projection is rebuilt.
        var unlined = found.Where(f => f.Portfolio is null).Select(f => f.Id).ToList();
        var whole = unlined.Count == 0
            ? new Dictionary<Guid, AgreementDashboard>()
            : (await session.LoadManyAsync<AgreementDashboard>(http.RequestAborted, unlined)).ToDictionary(d => d.Id);
        var items = found.Select(f => DashboardFigures.Summary(f.Portfolio ?? LineOf(whole[f.Id]), today, staleAfterDays)).ToList();
        return Results.Ok(new AgreementPage(items, stats.TotalResults, p, take));
    }

    private static PortfolioLine LineOf(AgreementDashboard dashboard) =>
        PortfolioLine.Of(dashboard.Agreement!, dashboard.Workstreams, dashboard.AgreementUpdatedAt);
}
