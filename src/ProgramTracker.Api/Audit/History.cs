using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Audit;

public sealed record HistoryEntry(
    long Sequence,
    long Version,
    Guid StreamId,
    DateTimeOffset Timestamp,
    string Type,
    string Summary,
    string? Reason,
    string? User,
    string? CorrelationId,
    string? CausationId,
    IReadOnlyDictionary<string, object>? Headers);

/// <summary>A history entry and its summary as values, for readers that word it in another language than English.</summary>
public sealed record ToldEvent(HistoryEntry Entry, EventSummary What);

/// <summary>The audit trail: every event in order, with who, when, what and why.</summary>
public static class History
{
    public static IReadOnlyList<HistoryEntry> Tell(IEnumerable<IEvent> events) => [.. TellWithSummaries(events).Select(t => t.Entry)];

    public static IReadOnlyList<ToldEvent> TellWithSummaries(IEnumerable<IEvent> events)
    {
        var names = new Dictionary<Guid, LocalizedText>();
        var entries = new List<ToldEvent>();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            EventSummaries.Learn(e.Data, names);
            var what = EventSummaries.Summarize(e.Data, names);
            entries.Add(new ToldEvent(new HistoryEntry(e.Sequence, e.Version, e.StreamId, e.Timestamp, e.Data.GetType().Name,
                EventSummaries.English(what), EventSummaries.ReasonOf(e.Data), e.UserName, e.CorrelationId, e.CausationId,
                e.Headers is { Count: > 0 } headers ? headers : null), what));
        }
        return entries;
    }

    /// <summary>The agreement's own events and those of every workstream it has added, each stream read whole.</summary>
    public static async Task<(IReadOnlyList<IEvent> Events, long Version)?> OfAgreementAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var own = await session.Events.FetchStreamAsync(id, token: ct);
        if (own.Count == 0 || own[0].Data is not AgreementRegistered) return null;
        var all = new List<IEvent>(own);
        long version = own[^1].Version;
        foreach (var added in own.Select(e => e.Data).OfType<WorkstreamAdded>())
        {
            var workstream = await session.Events.FetchStreamAsync(added.WorkstreamId, token: ct);
            all.AddRange(workstream);
            if (workstream.Count > 0) version += workstream[^1].Version;
        }
        return (all, version);
    }
}

public static class AgreementHistoryEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<List<HistoryEntry>>(ETag = true)]
    [WolverineGet("/api/agreements/{id}/history")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        if (await History.OfAgreementAsync(session, id, http.RequestAborted) is not { } found) return Problems.NotFound("agreement", id);
        http.Response.Headers.ETag = ETags.For(found.Version);
        return Results.Ok(History.Tell(found.Events));
    }
}

public static class WorkstreamHistoryEndpoint
{
    [Authorize(Policy = Policies.ReadWorkstream)]
    [Returns<List<HistoryEntry>>(ETag = true)]
    [WolverineGet("/api/workstreams/{id}/history")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        if (events.Count == 0 || events[0].Data is not Workstreams.WorkstreamOpened) return Problems.NotFound("workstream", id);
        http.Response.Headers.ETag = ETags.For(events[^1].Version);
        return Results.Ok(History.Tell(events));
    }
}
