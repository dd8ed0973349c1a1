using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Dashboards;

public static class GetAgreementDashboardEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Reads<AgreementDashboardView>(ETag = true)]
    [WolverineGet("/api/agreements/{id}/dashboard")]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, HttpContext http, TimeProvider clock,
        IConfiguration configuration)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var asOfDay, out var problem)) return problem!;
        var staleAfterDays = DashboardFigures.StaleAfterDays(configuration);
        var ct = http.RequestAborted;

        if (asOfDay is { } day)
        {
            var past = await AsOf.DashboardAsync(session, id, day, staleAfterDays, ct);
            if (past is null) return Problems.From(Refusal.NotFound("id", "not-found", $"No agreement had the id {id} on {day:yyyy-MM-dd}."));
            http.Response.Headers.ETag = ETags.For(past.Value.Version);
            return Results.Ok(past.Value.View);
        }

        // One round trip for both reads.
        var batch = session.CreateBatchQuery();
        var committeesRead = batch.Query<Committee>().Where(c => c.AgreementId == id).ToList();
        var dashboardRead = batch.Load<AgreementDashboard>(id);
        await batch.Execute(ct);
        var committees = await committeesRead;
        var dashboard = await dashboardRead;
        if (dashboard?.Agreement is { } agreement)
        {
            http.Response.Headers.ETag = ETags.For(dashboard.Version + committees.Sum(c => c.Version));
            return Results.Ok(DashboardFigures.Compute(agreement, dashboard.Workstreams, clock.Today(), staleAfterDays,
                dashboard.AgreementUpdatedAt, committees));
        }

        // Registered a moment ago and not yet projected: answer from the inline snapshots rather than a false 404.
        var inline = await session.LoadAsync<Agreement>(id, ct);
        if (inline is null) return Problems.NotFound("agreement", id);
        var workstreams = await session.LoadManyAsync<Workstream>(ct, inline.Workstreams.Select(w => w.WorkstreamId));
        http.Response.Headers.ETag = ETags.For(inline.Version + workstreams.Sum(w => w.Version) + committees.Sum(c => c.Version));
        return Results.Ok(DashboardFigures.Compute(inline, workstreams, clock.Today(), staleAfterDays, null, committees));
    }
}

/// <summary>Agreements and workstreams as they stood at the end of a past day, aggregated live from their events.</summary>
public static class AsOf
{
    public static async Task<(AgreementDashboardView View, long Version)?> DashboardAsync(IQuerySession session, Guid id, DateOnly day,
        int staleAfterDays, CancellationToken ct)
    {
        var at = QueryValues.EndOf(day);
        var agreement = await session.Events.AggregateStreamAsync<Agreement>(id, timestamp: at, token: ct);
        if (agreement is null) return null;

        var workstreams = new List<Workstream>();
        foreach (var reference in agreement.Workstreams)
        {
            if (await session.Events.AggregateStreamAsync<Workstream>(reference.WorkstreamId, timestamp: at, token: ct) is { } w)
                workstreams.Add(w);
        }
        var committees = new List<Committee>();
        foreach (var committeeId in await session.Query<Committee>().Where(c => c.AgreementId == id).Select(c => c.Id).ToListAsync(ct))
        {
            if (await session.Events.AggregateStreamAsync<Committee>(committeeId, timestamp: at, token: ct) is { } c) committees.Add(c);
        }
        var lastAgreementEvent = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == id && e.Timestamp <= at)
            .OrderByDescending(e => e.Version)
            .FirstOrDefaultAsync(ct);

        var view = DashboardFigures.Compute(agreement, workstreams, day, staleAfterDays, lastAgreementEvent?.Timestamp, committees);
        return (view, agreement.Version + workstreams.Sum(w => w.Version) + committees.Sum(c => c.Version));
    }

    public static Task<Workstream?> WorkstreamAsync(IQuerySession session, Guid id, DateOnly day, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<Workstream>(id, timestamp: QueryValues.EndOf(day), token: ct);
}
