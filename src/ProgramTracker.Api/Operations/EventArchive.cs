using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Operations;

/// <summary>
/// Backup and migration of the event store as JSON lines. The first line describes the archive; then one line
/// per stream (<c>{"stream": {...}}</c>) and one per event in sequence order (<c>{"event": {...}}</c>), each the
/// stored row with every column: ids, versions, sequence numbers, timestamps, correlation and causation ids,
/// user names, headers and the event body. Import puts the rows back unchanged into an empty event store and
/// rebuilds every projection from them; documents are never exported, because they all derive from events.
/// </summary>
public static class EventArchive
{
    public const string Format = "programtracker-events";
    public const int FormatVersion = 1;

    public static async Task<(long Streams, long Events)> ExportAsync(IDocumentStore store, Stream output, CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        // One snapshot for the whole export, so streams and events agree even while writes go on.
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };

        await writer.WriteLineAsync(new JsonObject
        {
            ["format"] = Format, ["version"] = FormatVersion, ["schema"] = MartenSetup.Schema, ["exportedAt"] = DateTimeOffset.UtcNow,
        }.ToJsonString());

        var streams = await CopyRowsAsync(conn, writer, "stream", $"select row_to_json(s)::text from {MartenSetup.Schema}.mt_streams s order by s.id", ct);
        var events = await CopyRowsAsync(conn, writer, "event", $"select row_to_json(e)::text from {MartenSetup.Schema}.mt_events e order by e.seq_id", ct);
        await writer.FlushAsync(ct);
        await tx.CommitAsync(ct);
        return (streams, events);
    }

    private static async Task<long> CopyRowsAsync(NpgsqlConnection conn, StreamWriter writer, string kind, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        long count = 0;
        var prefix = $"{{\"{kind}\":";
        while (await reader.ReadAsync(ct))
        {
            await writer.WriteAsync(prefix);
            await writer.WriteAsync(reader.GetString(0));
            await writer.WriteLineAsync('}');
            count++;
        }
        return count;
    }

    /// <summary>
    /// Loads an archive into an event store that has no events yet (refusing otherwise, so nothing is mixed),
    /// in one transaction, then rebuilds every projection.
    /// </summary>
    public static async Task<(long Streams, long Events)> ImportAsync(IDocumentStore store, Stream input, Action<string> progress, CancellationToken ct)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);

        if (await ScalarAsync(conn, $"select count(*) from {MartenSetup.Schema}.mt_events", ct) > 0)
            throw new EventArchiveException("The event store already holds events. Import only into an empty database.");

        using var reader = new StreamReader(input, Encoding.UTF8);
        var header = await reader.ReadLineAsync(ct) is { } first ? JsonNode.Parse(first) : null;
        if (header?["format"]?.GetValue<string>() != Format || header["version"]?.GetValue<int>() != FormatVersion)
            throw new EventArchiveException($"This is not a {Format} archive of version {FormatVersion}.");

        await using var tx = await conn.BeginTransactionAsync(ct);
        var inserts = new Dictionary<string, NpgsqlCommand>();
        long streams = 0, events = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (kind, row) = JsonNode.Parse(line)!.AsObject().Single();
            if (!inserts.TryGetValue(kind, out var insert))
            {
                insert = await InsertCommandAsync(conn, kind switch
                {
                    "stream" => "mt_streams",
                    "event" => "mt_events",
                    _ => throw new EventArchiveException($"Unknown line kind '{kind}'."),
                }, row!.AsObject(), ct);
                inserts[kind] = insert;
            }
            insert.Parameters[0].Value = row!.ToJsonString();
            await insert.ExecuteNonQueryAsync(ct);
            if (kind == "stream") streams++;
            else if (++events % 10_000 == 0) progress($"{events} events imported");
        }
        foreach (var insert in inserts.Values) await insert.DisposeAsync();
        await using (var sequence = new NpgsqlCommand(
                         $"select setval('{MartenSetup.Schema}.mt_events_sequence', greatest((select max(seq_id) from {MartenSetup.Schema}.mt_events), 1))", conn, tx))
        {
            await sequence.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        progress($"Imported {streams} streams and {events} events; rebuilding projections");

        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var name in ProjectionAdmin.RebuildableProjections(store))
        {
            progress($"Rebuilding {name}");
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(10), ct);
        }
        return (streams, events);
    }

    /// <summary>
    /// Inserts the columns the archive and the table have in common, so columns a newer schema added keep
    /// their defaults when an older archive is loaded.
    /// </summary>
    private static async Task<NpgsqlCommand> InsertCommandAsync(NpgsqlConnection conn, string table, JsonObject sample, CancellationToken ct)
    {
        var columns = new List<string>();
        await using (var cmd = new NpgsqlCommand(
                         "select column_name from information_schema.columns where table_schema = @schema and table_name = @table order by ordinal_position", conn))
        {
            cmd.Parameters.AddWithValue("schema", MartenSetup.Schema);
            cmd.Parameters.AddWithValue("table", table);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var column = reader.GetString(0);
                if (sample.ContainsKey(column)) columns.Add(column);
            }
        }
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var insert = new NpgsqlCommand(
            $"insert into {MartenSetup.Schema}.{table} ({list}) select {list} from json_populate_record(null::{MartenSetup.Schema}.{table}, @row::json)", conn);
        insert.Parameters.Add(new NpgsqlParameter("row", NpgsqlTypes.NpgsqlDbType.Text));
        await insert.PrepareAsync(ct);
        return insert;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }
}

public sealed class EventArchiveException(string message) : Exception(message);

/// <summary>
/// One line of the export, as the OpenAPI document describes it: the first line carries the format fields, every
/// other line one stored row, a stream's or an event's, with the columns Marten stores.
/// </summary>
public sealed record ArchiveLine(string? Format, int? Version, string? Schema, DateTimeOffset? ExportedAt, JsonObject? Stream, JsonObject? Event);

public static class EventArchiveEndpoint
{
    /// <summary>The whole event store as JSON lines. Restrict to administrators once sign-in lands (issue 7).</summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<ArchiveLine>("application/x-ndjson")]
    [EndpointName("exportEvents")]
    [WolverineGet("/api/admin/events/export")]
    public static IResult Export(IDocumentStore store) =>
        Results.Stream(body => ExportAsync(store, body), "application/x-ndjson",
            fileDownloadName: $"programtracker-events-{DateTime.UtcNow:yyyyMMdd-HHmmss}.jsonl");

    private static Task ExportAsync(IDocumentStore store, Stream body) => EventArchive.ExportAsync(store, body, CancellationToken.None);
}
