using System.Globalization;
using System.Text.Json.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Feeds;

/// <summary>One committed event as a CloudEvents 1.0 JSON object, with ProgramTracker's extension attributes.</summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("data")] object Data,
    [property: JsonPropertyName("sequence")] string Sequence,
    [property: JsonPropertyName("streamversion")] long StreamVersion,
    [property: JsonPropertyName("agreementid")] string AgreementId,
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("correlationid")] string? CorrelationId);

/// <summary>A page of the feed and the cursor to ask for the next one with (<c>?after=</c>).</summary>
public sealed record EventPage(IReadOnlyList<CloudEvent> Events, long Next);

/// <summary>
/// Every committed event, in sequence order, for systems that mirror ProgramTracker. A page ends at Marten's high
/// water mark: the highest sequence below which no transaction is still in flight. A later commit can hold a lower
/// sequence than one already committed, so a feed that served the newest rows could let a follower step over it;
/// up to the mark, a follower that stores <c>next</c> sees every event once, in order, across restarts.
/// </summary>
public static class EventFeed
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const string TypePrefix = "programtracker.";

    private const string S = MartenSetup.Schema;

    /// <summary>The page after <paramref name="after"/>; null when <paramref name="agreementId"/> names no agreement.</summary>
    public static async Task<EventPage?> ReadAsync(IDocumentStore store, Access access, long after, int limit, Guid? agreementId, CancellationToken ct)
    {
        await using var conn = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);

        // The mark first: every stream with events at or below it already has its snapshot, so the map below knows it.
        var highWater = await HighWaterMarkAsync(conn, ct);

        Guid[]? agreements = agreementId is { } one ? [one] : access.VisibleAgreements;
        Dictionary<Guid, Guid>? visible = agreements is null ? null : await AgreementOfStreamsAsync(conn, StreamsOfAgreements, agreements, ct);
        if (agreementId is { } named && visible?.ContainsKey(named) != true) return null;
        if (highWater <= after) return new EventPage([], after);

        await using var session = store.QuerySession();
        var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.Sequence <= highWater);
        if (visible is not null)
        {
            var streams = visible.Keys.ToArray();
            query = query.Where(e => streams.Contains(e.StreamId));
        }
        var rows = await query.OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct);

        var agreementOf = visible ?? await AgreementOfStreamsAsync(conn, AgreementsOfStreams, [.. rows.Select(e => e.StreamId).Distinct()], ct);
        // Marten's tombstones (placeholders for failed appends) belong to no agreement and are not events of the domain.
        var events = rows
            .Where(e => agreementOf.ContainsKey(e.StreamId))
            .Select(e => CloudEventOf(e, agreementOf[e.StreamId]))
            .ToList();
        var next = rows.Count == limit ? rows[^1].Sequence : highWater;
        return new EventPage(events, next);
    }

    public static CloudEvent CloudEventOf(IEvent e, Guid agreementId) => new(
        "1.0",
        e.Id.ToString(),
        $"/api/agreements/{agreementId}",
        TypeOf(e),
        e.Timestamp,
        e.StreamId.ToString(),
        "application/json",
        e.Data,
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.Version,
        agreementId.ToString(),
        e.UserName,
        e.CorrelationId);

    /// <summary>The CloudEvents <c>type</c> of an event.</summary>
    public static string TypeOf(IEvent e) => TypePrefix + e.EventTypeName;

    /// <summary>Every CloudEvents <c>type</c> the feed can publish: one per event type the store knows.</summary>
    public static IReadOnlyList<string> KnownTypes(IDocumentStore store) =>
        [.. store.Options.Events.AllKnownEventTypes().Select(t => TypePrefix + t.EventTypeName).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The agreement each of these streams belongs to; streams of no agreement (tombstones) are left out.</summary>
    public static Task<Dictionary<Guid, Guid>> AgreementsOfStreamsAsync(NpgsqlConnection conn, Guid[] streamIds, CancellationToken ct) =>
        AgreementOfStreamsAsync(conn, AgreementsOfStreams, streamIds, ct);

    private static async Task<long> HighWaterMarkAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select last_seq_id from {S}.mt_event_progression where name = '{ShardState.HighWaterMark}'", conn);
        return await cmd.ExecuteScalarAsync(ct) is long mark ? mark : 0;
    }

    private const string StreamsOfAgreements = $"""
        select id, id from {S}.mt_doc_agreement where id = any(@ids)
        union all select id, (data->>'AgreementId')::uuid from {S}.mt_doc_workstream where (data->>'AgreementId')::uuid = any(@ids)
        union all select id, (data->>'AgreementId')::uuid from {S}.mt_doc_committee where (data->>'AgreementId')::uuid = any(@ids)
        """;

    private const string AgreementsOfStreams = $"""
        select id, id from {S}.mt_doc_agreement where id = any(@ids)
        union all select id, (data->>'AgreementId')::uuid from {S}.mt_doc_workstream where id = any(@ids)
        union all select id, (data->>'AgreementId')::uuid from {S}.mt_doc_committee where id = any(@ids)
        """;

    /// <summary>Stream id to agreement id, from the inline snapshots: workstreams and committees name their agreement.</summary>
    private static async Task<Dictionary<Guid, Guid>> AgreementOfStreamsAsync(NpgsqlConnection conn, string sql, Guid[] ids, CancellationToken ct)
    {
        var map = new Dictionary<Guid, Guid>();
        if (ids.Length == 0) return map;
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("ids", ids);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) map[reader.GetGuid(0)] = reader.GetGuid(1);
        return map;
    }

    public static bool TryCursor(string? raw, out long after, out IResult? problem)
    {
        (after, problem) = (0, null);
        if (string.IsNullOrEmpty(raw)) return true;
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out after)) return true;
        problem = QueryValues.Invalid("after", "cursor",
            "'after' must be a sequence number from this feed (0 or more): the 'next' of the page read before, or 0 to start at the beginning.");
        return false;
    }
}

public static class EventFeedEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [Returns<EventPage>]
    [WolverineGet("/api/events")]
    public static async Task<IResult> Get(string? after, string? limit, string? agreementId, IDocumentStore store, HttpContext http)
    {
        if (!EventFeed.TryCursor(after, out var cursor, out var problem)) return problem!;
        if (!QueryValues.TryInt("limit", limit, 1, EventFeed.MaxLimit, out var size, out problem)) return problem!;
        if (!QueryValues.TryGuid("agreementId", agreementId, out var agreement, out problem)) return problem!;

        var access = await http.AccessAsync();
        if (agreement is { } id && !access.CanRead(id))
            return Problems.NotFound("agreement", id, "agreementId");

        var take = size ?? EventFeed.DefaultLimit;
        var page = await EventFeed.ReadAsync(store, access, cursor, take, agreement, http.RequestAborted);
        if (page is null) return Problems.NotFound("agreement", agreement!.Value, "agreementId");
        var link = $"/api/events?after={page.Next}&limit={take}" + (agreement is { } a ? $"&agreementId={a}" : "");
        http.Response.Headers.Append("Link", $"<{link}>; rel=\"next\"");
        return Results.Ok(page);
    }
}
