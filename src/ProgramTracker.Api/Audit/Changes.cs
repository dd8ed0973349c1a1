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
/// <c>to</c> ended, and the events in between, on either basis (<see cref="AsOfBasis"/>: recorded by default).
/// Pure: it folds the events it is given.
/// </summary>
public static class Changes
{
    public static AgreementChanges OfAgreement(Guid id, IReadOnlyList<IEvent> events, DateOnly from, DateOnly to,
        AsOfBasis basis = AsOfBasis.Recorded)
    {
        var own = events.Where(e => e.StreamId == id && e.Data is IAgreementEvent).ToList();
        var before = Fold<Agreement>(own, e => basis.CountsBefore(e, from), Agreement.Fold);
        var after = Fold<Agreement>(own, e => basis.Counts(e, to), Agreement.Fold);
        var workstreams = events.Where(e => e.StreamId != id).GroupBy(e => e.StreamId)
            .Select(g => OfWorkstream(g.Key, [.. g], from, to, withEvents: false, basis))
            .Where(w => w.After is not null || w.Before is not null)
            .ToList();

        return new AgreementChanges(id, (after ?? before)?.Code ?? "", from, to, before?.Status, after?.Status, before?.Validity, after?.Validity,
            (after?.Amendments.Count ?? 0) - (before?.Amendments.Count ?? 0), workstreams, InWindow(events, from, to, basis));
    }

    /// <summary>
    /// On the recorded basis the window holds what was recorded between the two days; on the effective basis, what
    /// took effect between them (an event recorded later, dated inside the window, is in it).
    /// </summary>
    public static WorkstreamChanges OfWorkstream(Guid id, IReadOnlyList<IEvent> events, DateOnly from, DateOnly to, bool withEvents = true,
        AsOfBasis basis = AsOfBasis.Recorded)
    {
        var own = events.Where(e => e.Data is IWorkstreamEvent).ToList();
        var before = Fold<Workstream>(own, e => basis.CountsBefore(e, from), Workstream.Fold);
        var after = Fold<Workstream>(own, e => basis.Counts(e, to), Workstream.Fold);

        var ids = (before?.Milestones ?? []).Concat(after?.Milestones ?? []).Select(m => m.Id).Distinct();
        var milestones = ids
            .Select(mid => (Before: before?.FindMilestone(mid), After: after?.FindMilestone(mid)))
            .Select(x => new MilestoneChange((x.After ?? x.Before)!.Id, (x.After ?? x.Before)!.Title, FiguresOf(x.Before), FiguresOf(x.After)))
            .Where(c => c.Before != c.After)
            .ToList();

        return new WorkstreamChanges(id, (after ?? before)?.Code ?? "", from, to, FiguresOf(before), FiguresOf(after), milestones,
            withEvents ? InWindow(events, from, to, basis) : null);
    }

    private static IReadOnlyList<HistoryEntry> InWindow(IEnumerable<IEvent> events, DateOnly from, DateOnly to, AsOfBasis basis)
    {
        // Told whole (so that names learned from earlier events word the later ones), then the window's picked out.
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var told = History.Tell(ordered);
        return [.. told.Where((_, i) => basis.Counts(ordered[i], to) && !basis.CountsBefore(ordered[i], from))];
    }

    private static T? Fold<T>(IEnumerable<IEvent> events, Func<IEvent, bool> counts, Func<T?, IEvent, T?> fold) where T : class =>
        events.OrderBy(e => e.Version).Where(counts).Aggregate((T?)null, fold);

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
    public static async Task<IResult> Get(Guid id, string? from, string? to, string? basis, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        if (!Changes.TryWindow(from, to, clock.Today(), out var first, out var last, out var problem)) return problem!;
        if (!AsOfBases.TryRead(basis, AsOfBasis.Recorded, out var asOfBasis, out problem)) return problem!;
        if (await History.OfAgreementAsync(session, id, http.RequestAborted) is not { } found) return Problems.NotFound("agreement", id);
        http.Response.Headers.ETag = ETags.For(found.Version);
        return Results.Ok(Changes.OfAgreement(id, found.Events, first, last, asOfBasis));
    }
}

public static class WorkstreamChangesEndpoint
{
    [Authorize(Policy = Policies.ReadWorkstream)]
    [Returns<WorkstreamChanges>(ETag = true)]
    [WolverineGet("/api/workstreams/{id}/changes")]
    public static async Task<IResult> Get(Guid id, string? from, string? to, string? basis, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        if (!Changes.TryWindow(from, to, clock.Today(), out var first, out var last, out var problem)) return problem!;
        if (!AsOfBases.TryRead(basis, AsOfBasis.Recorded, out var asOfBasis, out problem)) return problem!;
        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        if (events.Count == 0 || events[0].Data is not WorkstreamOpened) return Problems.NotFound("workstream", id);
        http.Response.Headers.ETag = ETags.For(events[^1].Version);
        return Results.Ok(Changes.OfWorkstream(id, events, first, last, basis: asOfBasis));
    }
}
