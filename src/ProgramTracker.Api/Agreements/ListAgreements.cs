using Marten;
using Marten.Linq;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public sealed record AgreementPage(IReadOnlyList<AgreementDashboardView> Items, long Total, int Page, int PageSize);

/// <summary>The portfolio: every agreement with its status, validity and progress roll-up, read from the dashboards.</summary>
public static class ListAgreementsEndpoint
{
    public const int MaxPageSize = 100;

    [WolverineGet("/api/agreements")]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http, TimeProvider clock, IConfiguration configuration)
    {
        var query = http.Request.Query;
        if (!QueryValues.TryInt(http, "page", 1, 100_000, out var page, out var problem)) return problem!;
        if (!QueryValues.TryInt(http, "pageSize", 1, MaxPageSize, out var pageSize, out problem)) return problem!;
        AgreementStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } rawStatus)
        {
            if (!Enum.TryParse<AgreementStatus>(rawStatus, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(rawStatus, out _))
                return QueryValues.Invalid("status", "status", "'status' must be one of draft, signed, inForce, expired, closed.");
            status = parsed;
        }
        var country = query["country"].ToString().Trim().ToUpperInvariant();
        var party = query["party"].ToString().Trim();
        var text = query["q"].ToString().Trim().ToLowerInvariant();
        if (text.Length > 200) return QueryValues.Invalid("q", "max-length", "'q' must be at most 200 characters.");

        var (p, size) = (page ?? 1, pageSize ?? 20);
        var dashboards = session.Query<AgreementDashboard>().Where(d => d.Code != "");
        if (status is { } s) dashboards = dashboards.Where(d => d.Status == s);
        if (country.Length > 0) dashboards = dashboards.Where(d => d.Countries.Contains(country));
        if (party.Length > 0) dashboards = dashboards.Where(d => d.PartyIds.Contains(party));
        if (text.Length > 0) dashboards = dashboards.Where(d => d.SearchText.Contains(text));

        var found = await dashboards.Stats(out QueryStatistics stats)
            .OrderBy(d => d.Code)
            .Skip((p - 1) * size)
            .Take(size)
            .ToListAsync(http.RequestAborted);

        var today = clock.Today();
        var staleAfterDays = DashboardFigures.StaleAfterDays(configuration);
        var items = found.Select(d => DashboardFigures.Compute(d.Agreement!, d.Workstreams, today, staleAfterDays, d.AgreementUpdatedAt).Summary()).ToList();
        return Results.Ok(new AgreementPage(items, stats.TotalResults, p, size));
    }
}
