using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Audit;

public sealed record AgreementChanges(
    Guid AgreementId,
    string Code,
    DateOnly From,
    DateOnly To,
    AgreementStatus? StatusBefore,
    AgreementStatus? StatusAfter,
    ValidityPeriod? ValidityBefore,
    ValidityPeriod? ValidityAfter,
    int AmendmentsAdded,
    IReadOnlyList<WorkstreamChanges> Workstreams,
    IReadOnlyList<HistoryEntry> Events);

public sealed record WorkstreamChanges(
    Guid WorkstreamId,
    string Code,
    DateOnly From,
    DateOnly To,
    WorkstreamFigures? Before,
    WorkstreamFigures? After,
    IReadOnlyList<MilestoneChange> Milestones,
    IReadOnlyList<HistoryEntry>? Events);

public sealed record WorkstreamFigures(decimal PercentComplete, Rag? Rag, int MilestonesDone, int MilestonesTotal);

public sealed record MilestoneChange(Guid MilestoneId, LocalizedText Title, MilestoneFigures? Before, MilestoneFigures? After);

public sealed record MilestoneFigures(MilestoneStatus Status, DateOnly DueDate, int Percent);

/// <summary>
/// What changed between two days, both included: the state before <c>from</c> began against the state when
/// <c>to</c> ended, and the events recorded in between. Pure: it folds the events it is given.
/// </summary>
public static class Changes
{
    public static AgreementChanges OfAgreement(Guid id, IReadOnlyList<IEvent> events, DateOnly from, DateOnly to)
    {
        var (start, end) = (QueryValues.StartOf(from), QueryValues.EndOf(to));
        var own = events.Where(e => e.StreamId == id).ToList();
        var before = Fold<Agreement>(own, start, Agreement.Fold, inclusive: false);
        var after = Fold<Agreement>(own, end, Agreement.Fold, inclusive: true);
        var workstreams = events.Where(e => e.StreamId != id).GroupBy(e => e.StreamId)
            .Select(g => OfWorkstream(g.Key, [.. g], from, to, withEvents: false))
            .Where(w => w.After is not null || w.Before is not null)
            .ToList();

        return new AgreementChanges(id, (after ?? before)?.Code ?? "", from, to, before?.Status, after?.Status, before?.Validity, after?.Validity,
            (after?.Amendments.Count ?? 0) - (before?.Amendments.Count ?? 0), workstreams, InWindow(events, start, end));
    }

    public static WorkstreamChanges OfWorkstream(Guid id, IReadOnlyList<IEvent> events, DateOnly from, DateOnly to, bool withEvents = true)
    {
        var (start, end) = (QueryValues.StartOf(from), QueryValues.EndOf(to));
        var before = Fold<Workstream>(events, start, Workstream.Fold, inclusive: false);
        var after = Fold<Workstream>(events, end, Workstream.Fold, inclusive: true);

        var ids = (before?.Milestones ?? []).Concat(after?.Milestones ?? []).Select(m => m.Id).Distinct();
        var milestones = ids
            .Select(mid => (Before: before?.FindMilestone(mid), After: after?.FindMilestone(mid)))
            .Select(x => new MilestoneChange((x.After ?? x.Before)!.Id, (x.After ?? x.Before)!.Title, FiguresOf(x.Before), FiguresOf(x.After)))
            .Where(c => c.Before != c.After)
            .ToList();

        return new WorkstreamChanges(id, (after ?? before)?.Code ?? "", from, to, FiguresOf(before), FiguresOf(after), milestones,
            withEvents ? InWindow(events, start, end) : null);
    }

    private static IReadOnlyList<HistoryEntry> InWindow(IEnumerable<IEvent> events, DateTimeOffset start, DateTimeOffset end) =>
        [.. History.Tell(events).Where(h => h.Timestamp >= start && h.Timestamp <= end)];

    private static T? Fold<T>(IEnumerable<IEvent> events, DateTimeOffset at, Func<T?, IEvent, T?> fold, bool inclusive) where T : class =>
        events.OrderBy(e => e.Version)
            .Where(e => inclusive ? e.Timestamp <= at : e.Timestamp < at)
            .Aggregate((T?)null, fold);

    private static WorkstreamFigures? FiguresOf(Workstream? w)
    {
        if (w is null) return null;
        var counted = w.Milestones.Where(m => m.Status != MilestoneStatus.Cancelled).ToList();
        return new WorkstreamFigures(w.PercentComplete, w.CurrentRag, counted.Count(m => m.Status == MilestoneStatus.Completed), counted.Count);
    }

    private static MilestoneFigures? FiguresOf(Milestone? m) => m is null ? null : new MilestoneFigures(m.Status, m.DueDate, m.Percent);

    public static bool TryWindow(string? fromText, string? toText, DateOnly today, out DateOnly from, out DateOnly to, out IResult? problem)
    {
        (from, to) = (default, default);
        if (!QueryValues.TryDate("from", fromText, out var f, out problem)) return false;
        if (!QueryValues.TryDate("to", toText, out var t, out problem)) return false;
        if (f is null)
        {
            problem = QueryValues.Invalid("from", "required", "'from' is required: the first day to compare, such as 2024-01-01.");
            return false;
        }
        (from, to) = (f.Value, t ?? today);
        if (to < from)
        {
            problem = QueryValues.Invalid("to", "period-order", "'to' must be on or after 'from'.");
            return false;
        }
        return true;
    }
}

public static class AgreementChangesEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<AgreementChanges>(ETag = true)]
    [WolverineGet("/api/agreements/{id}/changes")]
    public static async Task<IResult> Get(Guid id, string? from, string? to, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        if (!Changes.TryWindow(from, to, clock.Today(), out var first, out var last, out var problem)) return problem!;
        if (await History.OfAgreementAsync(session, id, http.RequestAborted) is not { } found) return Problems.NotFound("agreement", id);
        http.Response.Headers.ETag = ETags.For(found.Version);
        return Results.Ok(Changes.OfAgreement(id, found.Events, first, last));
    }
}

public static class WorkstreamChangesEndpoint
{
    [Authorize(Policy = Policies.ReadWorkstream)]
    [Returns<WorkstreamChanges>(ETag = true)]
    [WolverineGet("/api/workstreams/{id}/changes")]
    public static async Task<IResult> Get(Guid id, string? from, string? to, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        if (!Changes.TryWindow(from, to, clock.Today(), out var first, out var last, out var problem)) return problem!;
        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        if (events.Count == 0 || events[0].Data is not WorkstreamOpened) return Problems.NotFound("workstream", id);
        http.Response.Headers.ETag = ETags.For(events[^1].Version);
        return Results.Ok(Changes.OfWorkstream(id, events, first, last));
    }
}
