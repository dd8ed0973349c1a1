using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Dashboards;

public static class GetAgreementDashboardEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<AgreementDashboardView>(ETag = true)]
    [WolverineGet("/api/agreements/{id}/dashboard")]
    public static async Task<IResult> Get(Guid id, string? asOf, string? figures, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var asOfDay, out var problem)) return problem!;
        if (!QueryValues.TryFigures(figures, out var basis, out problem)) return problem!;
        var read = await reads.AgreementAsync(id, asOfDay, http.RequestAborted, basis);
        if (read is null)
        {
            return asOfDay is { } day
                ? Problems.From(Refusal.NotFound("id", "not-found", $"No agreement had the id {id} on {day:yyyy-MM-dd}."))
                : Problems.NotFound("agreement", id);
        }
        http.Response.Headers.ETag = ETags.For(read.Version);
        return Results.Ok(read.View);
    }
}

/// <summary>Agreements and workstreams as they stood at the end of a past day, aggregated live from their events.</summary>
public static class AsOf
{
    /// <summary>The dashboard as it stood when <paramref name="day"/> ended: the agreement, its workstreams and its
    /// committees folded from their events up to then, figured with that day as today.</summary>
    public static async Task<AgreementRead?> DashboardAsync(IQuerySession session, Guid id, DateOnly day, int staleAfterDays, CancellationToken ct,
        FiguresBasis basis = FiguresBasis.Approved)
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
        return Reads.Figured(agreement, workstreams, committees, day, staleAfterDays, basis);
    }

    public static Task<Workstream?> WorkstreamAsync(IQuerySession session, Guid id, DateOnly day, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<Workstream>(id, timestamp: QueryValues.EndOf(day), token: ct);
}
