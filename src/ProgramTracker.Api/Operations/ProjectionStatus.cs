using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.Operations;

/// <summary>One async projection: how far it has got and how far behind the newest event it is.</summary>
public sealed record ProjectionProgress(
    string Name,
    string Shard,
    long Sequence,
    long EventsBehind,
    double LagSeconds,
    bool Started);

public sealed record ProjectionStatusReport(
    long? EventCount,
    long? StreamCount,
    long HighWaterMark,
    long HeadSequence,
    IReadOnlyList<ProjectionProgress> Projections)
{
    public static readonly ProjectionStatusReport Unavailable = new(null, null, 0, 0, []);
}

/// <summary>
/// Reads the async projections' progress from Marten's progression table and measures each one against the
/// newest committed event (the head), not only against the daemon's high-water mark: when the daemon itself
/// stops, its high-water mark stops too, and lag measured against it would read zero.
/// </summary>
public static class ProjectionStatus
{
    public static async Task<ProjectionStatusReport> ReadAsync(IDocumentStore store, CancellationToken ct)
    {
        var shards = AsyncShards(store);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
        var highWater = progress.FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;

        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        var head = await ScalarAsync(conn, $"select coalesce(max(seq_id), 0) from {MartenSetup.Schema}.mt_events", ct);

        var projections = new List<ProjectionProgress>();
        foreach (var shard in shards)
        {
            var state = progress.FirstOrDefault(p => p.ShardName == shard.Identity);
            var sequence = state?.Sequence ?? 0;
            var behind = Math.Max(0, head - sequence);
            var lag = behind == 0 ? 0 : await OldestUnappliedAgeAsync(conn, sequence, ct);
            projections.Add(new ProjectionProgress(shard.Name, shard.Identity, sequence, behind, lag, state is not null));
        }

        return new ProjectionStatusReport(statistics.EventCount, statistics.StreamCount, highWater, head, projections);
    }

    /// <summary>The async projections (and subscriptions) the daemon runs, one entry per shard.</summary>
    public static IReadOnlyList<ShardName> AsyncShards(IDocumentStore store) =>
        ((StoreOptions)store.Options).Projections.AllShards().Select(s => s.Name).ToList();

    private static async Task<double> OldestUnappliedAgeAsync(NpgsqlConnection conn, long sequence, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"select extract(epoch from now() - timestamp)::float8 from {MartenSetup.Schema}.mt_events where seq_id > @seq order by seq_id limit 1", conn);
        cmd.Parameters.AddWithValue("seq", sequence);
        return await cmd.ExecuteScalarAsync(ct) is double seconds ? Math.Max(0, seconds) : 0;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }
}
