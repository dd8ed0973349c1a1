using JasperFx.Events;
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
    public static async Task<IResult> Get(Guid id, string? asOf, string? basis, string? figures, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var asOfDay, out var problem)) return problem!;
        if (!AsOfBases.TryRead(basis, AsOfBasis.Recorded, out var asOfBasis, out problem)) return problem!;
        if (!QueryValues.TryFigures(figures, out var figuresBasis, out problem)) return problem!;
        var read = await reads.AgreementAsync(id, asOfDay, asOfBasis, http.RequestAborted, figuresBasis);
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

/// <summary>
/// Agreements, workstreams and committees as they stood at the end of a past day, folded from their events on
/// either basis (<see cref="AsOfBasis"/>). A frozen review pack also bounds the events by the last sequence it saw.
/// </summary>
public static class AsOf
{
    /// <summary>Which events count: those of the basis on the day, recorded no later than <c>UpToSequence</c> when given.</summary>
    public sealed record Cut(DateOnly Day, AsOfBasis Basis, long? UpToSequence = null)
    {
        public bool Counts(IEvent e) => Basis.Counts(e, Day) && (UpToSequence is not { } last || e.Sequence <= last);
    }

    /// <summary>The dashboard as it stood when <paramref name="day"/> ended: the agreement, its workstreams and its
    /// committees folded from their events up to then, figured with that day as today.</summary>
    public static async Task<AgreementRead?> DashboardAsync(IQuerySession session, Guid id, DateOnly day, int staleAfterDays, CancellationToken ct,
        AsOfBasis basis = AsOfBasis.Recorded, FiguresBasis figures = FiguresBasis.Approved) =>
        (await StateAsync(session, id, new Cut(day, basis), ct)) is { } state
            ? Reads.Figured(state.Agreement, state.Workstreams, state.Committees, day, staleAfterDays, figures)
            : null;

    /// <summary>The agreement, its workstreams and its committees folded from the events the cut lets through.</summary>
    public static async Task<(Agreement Agreement, IReadOnlyList<Workstream> Workstreams, IReadOnlyList<Committee> Committees, long LastSequence)?>
        StateAsync(IQuerySession session, Guid id, Cut cut, CancellationToken ct)
    {
        var own = await session.Events.FetchStreamAsync(id, token: ct);
        var last = own.Count == 0 ? 0 : own.Max(e => e.Sequence);
        var agreement = Fold<Agreement>(own.Where(e => e.Data is IAgreementEvent), cut, Agreement.Fold, (a, v) => a.Version = v);
        if (agreement is null) return null;

        var workstreams = new List<Workstream>();
        foreach (var reference in agreement.Workstreams)
        {
            var events = await session.Events.FetchStreamAsync(reference.WorkstreamId, token: ct);
            last = Math.Max(last, events.Count == 0 ? 0 : events.Max(e => e.Sequence));
            if (Fold<Workstream>(events.Where(e => e.Data is IWorkstreamEvent), cut, Workstream.Fold, (w, v) => w.Version = v) is { } w)
                workstreams.Add(w);
        }
        var committees = new List<Committee>();
        foreach (var committeeId in await session.Query<Committee>().Where(c => c.AgreementId == id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct))
        {
            var events = await session.Events.FetchStreamAsync(committeeId, token: ct);
            last = Math.Max(last, events.Count == 0 ? 0 : events.Max(e => e.Sequence));
            if (Fold<Committee>(events, cut, Committee.Fold, (c, v) => c.Version = v) is { } c) committees.Add(c);
        }
        return (agreement, workstreams, committees, last);
    }

    public static async Task<Workstream?> WorkstreamAsync(IQuerySession session, Guid id, DateOnly day, CancellationToken ct,
        AsOfBasis basis = AsOfBasis.Recorded) =>
        Fold<Workstream>((await session.Events.FetchStreamAsync(id, token: ct)).Where(e => e.Data is IWorkstreamEvent),
            new Cut(day, basis), Workstream.Fold, (w, v) => w.Version = v);

    /// <summary>Folds, in the order they were recorded, the events the cut lets through; the version is the last one folded.</summary>
    public static T? Fold<T>(IEnumerable<IEvent> events, Cut cut, Func<T?, IEvent, T?> fold, Action<T, long> version) where T : class
    {
        T? state = null;
        foreach (var e in events.OrderBy(e => e.Version).Where(cut.Counts))
        {
            state = fold(state, e);
            if (state is not null) version(state, e.Version);
        }
        return state;
    }
}
