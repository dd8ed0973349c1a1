using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Services.BatchQuerying;
using Microsoft.Net.Http.Headers;

namespace ProgramTracker.Api.Common;

/// <summary>
/// The one way commands write to a stream: fetch it for writing (honouring <c>If-Match</c>), run the pure
/// decision, append what it decided with who/why metadata, and commit, all in one transaction. Refusals become
/// ProblemDetails and append nothing; a concurrent writer gets 409 (412 under If-Match); a retried request with
/// the same <c>Idempotency-Key</c> gets the first answer back instead of appending twice.
/// </summary>
public static class EventStreamWrites
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static Task<IResult> DecideAsync<TState>(this IDocumentSession session, HttpContext http, Guid streamId,
        object command, Func<TState, Decision> decide, string notFoundWhat, Created? created = null) where TState : class =>
        session.DecideAsync<TState, bool>(http, streamId, command, null, (state, _) => decide(state), notFoundWhat, created);

    /// <summary>
    /// As <see cref="DecideAsync{TState}"/>, for a decision that also needs something read from another document:
    /// <paramref name="readAlongside"/> enlists that read in the batch that fetches the stream for writing, so both
    /// travel in one round trip.
    /// </summary>
    public static async Task<IResult> DecideAsync<TState, TContext>(this IDocumentSession session, HttpContext http, Guid streamId,
        object command, Func<IBatchedQuery, Task<TContext>>? readAlongside, Func<TState, TContext, Decision> decide, string notFoundWhat,
        Created? created = null) where TState : class
    {
        var ct = http.RequestAborted;
        if (!TryReadIfMatch(http, out var expectedVersion, out var badIfMatch)) return badIfMatch!;

        var idempotency = IdempotencyScope.From(http, command);
        if (idempotency is not null && await idempotency.ReplayAsync(session, ct) is { } replay) return replay;

        try
        {
            var (stream, context) = await FetchForWritingAsync<TState, TContext>(session, streamId, expectedVersion, readAlongside, ct);
            if (stream.Aggregate is null) return Problems.NotFound(notFoundWhat, streamId);

            var decision = decide(stream.Aggregate, context);
            if (decision.Refusal is { } refusal) return Refused(refusal, command);

            Stamp(session, http, command);
            stream.AppendMany(decision.Events);
            foreach (var start in decision.Starts) session.Events.StartStream(start.AggregateType, start.StreamId, [.. start.Events]);
            foreach (var append in decision.Appends) await session.AppendAtCurrentVersionAsync(append.StreamId, append.Events, ct);

            // A created resource that is a stream of its own reports that stream's version; one that lives inside
            // this stream (a milestone) reports this stream's version, the ETag to use for the next change.
            var version = (stream.StartingVersion ?? 0) + decision.Events.Count;
            var accepted = new CommandAccepted(created?.Id ?? streamId,
                decision.Starts.FirstOrDefault(s => s.StreamId == created?.Id)?.Events.Count ?? version);
            var status = created is null ? StatusCodes.Status200OK : StatusCodes.Status201Created;
            idempotency?.Remember(session, status, accepted, created?.Location);
            await session.SaveChangesAsync(ct);

            http.Response.Headers.ETag = ETags.For(accepted.Version);
            return created is null ? Results.Ok(accepted) : Results.Created(created.Location, accepted);
        }
        catch (Exception e) when (IsConcurrencyConflict(e))
        {
            // Wolverine's transactional middleware saves the session again after the endpoint returns: what failed
            // here must not be tried a second time (that second failure would surface as a 500).
            session.EjectAllPendingChanges();
            // FetchForWriting with an expected version refuses a stream that does not exist as if it were stale.
            if (expectedVersion is not null && !await StreamExistsAsync(session, streamId, ct)) return Problems.NotFound(notFoundWhat, streamId);
            return await ReplayWinnerAsync(session, idempotency, ct) ?? Conflict(http, streamId);
        }
        catch (DocumentAlreadyExistsException) when (idempotency is not null)
        {
            // Another request with the same key won the race; its transaction committed, ours appended nothing.
            session.EjectAllPendingChanges();
            return await ReplayWinnerAsync(session, idempotency, ct) ?? Conflict(http, streamId);
        }
    }

    private static async Task<(IEventStream<TState> Stream, TContext Context)> FetchForWritingAsync<TState, TContext>(IDocumentSession session,
        Guid streamId, long? expectedVersion, Func<IBatchedQuery, Task<TContext>>? readAlongside, CancellationToken ct) where TState : class
    {
        if (readAlongside is null)
        {
            var alone = expectedVersion is long version
                ? await session.Events.FetchForWriting<TState>(streamId, version, ct)
                : await session.Events.FetchForWriting<TState>(streamId, ct);
            return (alone, default!);
        }

        var batch = session.CreateBatchQuery();
        var fetched = expectedVersion is long v ? batch.Events.FetchForWriting<TState>(streamId, v) : batch.Events.FetchForWriting<TState>(streamId);
        var context = readAlongside(batch);
        await batch.Execute(ct);
        return (await fetched, await context);
    }

    /// <summary>
    /// Appends to a stream other than the one the command fetched for writing, at the version it is at now. In
    /// Quick append mode a plain Append leaves the events' versions unknown to the inline snapshot, which then
    /// records version 0, and every ETag read from it is wrong; naming the version also makes a racing writer
    /// on that stream lose with 409 instead of interleaving.
    /// </summary>
    public static async Task AppendAtCurrentVersionAsync(this IDocumentSession session, Guid streamId, IReadOnlyList<object> events,
        CancellationToken ct)
    {
        var current = (await session.Events.FetchStreamStateAsync(streamId, ct))?.Version ?? 0;
        session.Events.Append(streamId, current + events.Count, [.. events]);
    }

    private static async Task<bool> StreamExistsAsync(IDocumentSession session, Guid streamId, CancellationToken ct)
    {
        await using var fresh = session.DocumentStore.QuerySession();
        return await fresh.Events.FetchStreamStateAsync(streamId, ct) is not null;
    }

    /// <summary>When the write that won a race carried the same Idempotency-Key, this request gets its answer.</summary>
    private static async Task<IResult?> ReplayWinnerAsync(IDocumentSession session, IdempotencyScope? idempotency, CancellationToken ct)
    {
        if (idempotency is null) return null;
        await using var fresh = session.DocumentStore.LightweightSession();
        return await idempotency.ReplayAsync(fresh, ct);
    }

    /// <summary>Starts a new stream (and appends to others the decision names), answering 201 with its location.</summary>
    public static async Task<IResult> StartAsync<TState>(this IDocumentSession session, HttpContext http, Guid streamId,
        object command, Func<Decision> decide, string location) where TState : class
    {
        var ct = http.RequestAborted;
        var idempotency = IdempotencyScope.From(http, command);
        if (idempotency is not null && await idempotency.ReplayAsync(session, ct) is { } replay) return replay;

        var decision = decide();
        if (decision.Refusal is { } refusal) return Refused(refusal, command);

        try
        {
            Stamp(session, http, command);
            session.Events.StartStream<TState>(streamId, decision.Events);
            foreach (var append in decision.Appends) await session.AppendAtCurrentVersionAsync(append.StreamId, append.Events, ct);
            var accepted = new CommandAccepted(streamId, decision.Events.Count);
            idempotency?.Remember(session, StatusCodes.Status201Created, accepted, location);
            await session.SaveChangesAsync(ct);

            http.Response.Headers.ETag = ETags.For(accepted.Version);
            return Results.Created(location, accepted);
        }
        catch (Exception e) when (IsConcurrencyConflict(e))
        {
            session.EjectAllPendingChanges();
            return await ReplayWinnerAsync(session, idempotency, ct) ?? Conflict(http, streamId);
        }
        catch (DocumentAlreadyExistsException) when (idempotency is not null)
        {
            session.EjectAllPendingChanges();
            return await ReplayWinnerAsync(session, idempotency, ct) ?? Conflict(http, streamId);
        }
    }

    /// <summary>Who, why and under which trace: carried by every event the session appends.</summary>
    public static void Stamp(IDocumentSession session, HttpContext http, object command)
    {
        var actor = Actor.From(http.User);
        session.LastModifiedBy = actor.Name;
        session.CorrelationId = Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        session.CausationId = http.Request.Headers[IdempotencyKeyHeader].FirstOrDefault() is { Length: > 0 } key
            ? $"idempotency-key:{key}"
            : $"request:{http.TraceIdentifier}";
        session.SetHeader("user-id", actor.Id);
        session.SetHeader("command", command.GetType().Name);
        session.SetHeader("request", $"{http.Request.Method} {http.Request.Path}");
    }

    private static IResult Refused(Refusal refusal, object command)
    {
        Operations.Telemetry.Refused(refusal, command);
        return Problems.From(refusal);
    }

    private static bool IsConcurrencyConflict(Exception e) =>
        e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or ExistingStreamIdCollisionException
        || e.InnerException is { } inner && IsConcurrencyConflict(inner);

    private static IResult Conflict(HttpContext http, Guid streamId) =>
        http.Request.Headers.IfMatch.Count > 0
            ? Problems.Status(StatusCodes.Status412PreconditionFailed, "The record changed since you read it.",
                $"{streamId} is no longer at the version in If-Match. Read it again and retry.", "stale-if-match")
            : Problems.Status(StatusCodes.Status409Conflict, "Someone else changed this record at the same time.",
                $"Another change to {streamId} was saved first. Read it again and retry.", "concurrent-write");

    private static bool TryReadIfMatch(HttpContext http, out long? version, out IResult? problem)
    {
        version = null;
        problem = null;
        var raw = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(raw)) return true;
        if (ETags.TryParse(raw, out var parsed))
        {
            version = parsed;
            return true;
        }
        problem = Results.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(
            new Dictionary<string, string[]> { ["If-Match"] = ["If-Match must be an ETag this API returned, such as \"3\"."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
            Type = "urn:programtracker:problem:invalid-if-match",
            Extensions = { ["rule"] = "invalid-if-match", ["field"] = "If-Match" },
        });
        return false;
    }
}

public sealed record CommandAccepted(Guid Id, long Version);

/// <summary>The resource a command creates, answered with 201 and its location.</summary>
public sealed record Created(Guid Id, string Location);

public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    public static bool TryParse(string raw, out long version)
    {
        version = 0;
        return EntityTagHeaderValue.TryParse(raw.Trim(), out var tag) && !tag.IsWeak
               && long.TryParse(tag.Tag.AsSpan().Trim('"'), out version) && version >= 0;
    }
}

/// <summary>A remembered answer to a request that carried an Idempotency-Key.</summary>
public sealed class IdempotentRequest
{
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int Status { get; set; }
    public string? Location { get; set; }
    public CommandAccepted? Result { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class IdempotencyScope
{
    private readonly string _id;
    private readonly string _hash;

    private IdempotencyScope(string id, string hash)
    {
        _id = id;
        _hash = hash;
    }

    public static IdempotencyScope? From(HttpContext http, object command)
    {
        var key = http.Request.Headers[EventStreamWrites.IdempotencyKeyHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(key)) return null;
        var actor = Actor.From(http.User);
        // Hosting.TextInput refuses a key longer than 200 characters before any endpoint runs: the whole key counts.
        var id = $"{actor.Id}|{http.Request.Method} {http.Request.Path}|{key}";
        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, command.GetType())));
        return new IdempotencyScope(id, hash);
    }

    public async Task<IResult?> ReplayAsync(IQuerySession session, CancellationToken ct)
    {
        var seen = await session.LoadAsync<IdempotentRequest>(_id, ct);
        if (seen is null) return null;
        if (seen.RequestHash != _hash)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.",
                "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
                "idempotency-key-reused");
        }
        return seen.Status == StatusCodes.Status201Created
            ? Results.Created(seen.Location, seen.Result)
            : Results.Json(seen.Result, statusCode: seen.Status);
    }

    public void Remember(IDocumentSession session, int status, CommandAccepted result, string? location) =>
        session.Insert(new IdempotentRequest
        {
            Id = _id, RequestHash = _hash, Status = status, Result = result, Location = location, At = DateTimeOffset.UtcNow,
        });
}
