using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Dashboards;

public sealed record StaleWorkstream(Guid WorkstreamId, Guid AgreementId, string Code, LocalizedText Title, DateTimeOffset LastUpdatedAt,
    int DaysSinceUpdate, decimal PercentComplete, Rag? Rag, int OverdueCount);

public static class StaleWorkstreamsEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [Reads<List<StaleWorkstream>>]
    [WolverineGet("/api/workstreams/stale")]
    public static async Task<IResult> Get(string? days, IQuerySession session, HttpContext http, TimeProvider clock, IConfiguration configuration)
    {
        if (!QueryValues.TryInt("days", days, 0, 36_500, out var parsed, out var problem)) return problem!;
        var threshold = parsed ?? DashboardFigures.StaleAfterDays(configuration);
        var today = clock.Today();
        // Anything updated on or after this moment is within the threshold whatever the time of day.
        var cutoff = QueryValues.StartOf(today.AddDays(-threshold));

        var query = session.Query<Workstream>().Where(w => w.LastUpdatedAt < cutoff);
        if ((await http.AccessAsync()).VisibleAgreements is { } visible) query = query.Where(w => w.AgreementId.IsOneOf(visible));
        var candidates = await query
            .OrderBy(w => w.LastUpdatedAt)
            .Take(1000)
            .ToListAsync(http.RequestAborted);

        return Results.Ok(candidates
            .Select(w => (Workstream: w, Figures: DashboardFigures.ForWorkstream(w, today, threshold)))
            .Where(x => x.Figures.Stale)
            .Select(x => new StaleWorkstream(x.Workstream.Id, x.Workstream.AgreementId, x.Workstream.Code, x.Workstream.Title,
                x.Workstream.LastUpdatedAt, x.Figures.DaysSinceUpdate, x.Figures.PercentComplete, x.Figures.Rag, x.Figures.OverdueCount))
            .ToList());
    }
}
