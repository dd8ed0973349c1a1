using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.FaultTests;

/// <summary>
/// Checks on the event store read straight from its tables, so they hold whatever the app believed it did.
/// </summary>
public static class StoreChecks
{
    private const string S = MartenSetup.Schema;

    public static async Task<long> EventCountAsync(string connectionString)
    {
        await using var conn = await OpenAsync(connectionString);
        await using var cmd = new NpgsqlCommand($"select count(*) from {S}.mt_events", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Every acknowledged command's events are there exactly once; every refused command's are absent; a command
    /// whose answer was lost is all there or not at all (a new workstream is two events in two streams).
    /// </summary>
    public static async Task ShouldHoldExactlyTheAcknowledgedAsync(string connectionString, IEnumerable<Attempt> attempts)
    {
        await using var conn = await OpenAsync(connectionString);
        var planned = await CountByAsync(conn,
            $"select coalesce(data->>'MilestoneId', data->>'milestoneId') from {S}.mt_events where type = 'milestone_planned'");
        var added = await CountByAsync(conn,
            $"select coalesce(data->>'WorkstreamId', data->>'workstreamId') from {S}.mt_events where type = 'workstream_added'");
        var opened = await CountByAsync(conn,
            $"select stream_id::text from {S}.mt_events where type = 'workstream_opened'");

        var problems = new List<string>();
        foreach (var a in attempts)
        {
            var key = a.Id.ToString();
            var (found, whole) = a.Kind switch
            {
                CommandKind.PlanMilestone => (planned.GetValueOrDefault(key), true),
                _ => (added.GetValueOrDefault(key), added.GetValueOrDefault(key) == opened.GetValueOrDefault(key)),
            };
            if (!whole) problems.Add($"{a.Kind} {a.Id} is half-applied: {added.GetValueOrDefault(key)} WorkstreamAdded, {opened.GetValueOrDefault(key)} WorkstreamOpened");
            if (a.Acknowledged && found != 1) problems.Add($"{a.Kind} {a.Id} was acknowledged ({a.Status}) but is in the store {found} times");
            if (a.Refused && found != 0) problems.Add($"{a.Kind} {a.Id} was refused ({a.Status}) but is in the store {found} times");
            if (a.Status is null && found > 1) problems.Add($"{a.Kind} {a.Id} (no answer) is in the store {found} times");
        }
        problems.ShouldBeEmpty(string.Join("\n", problems.Take(20)));
    }

    /// <summary>
    /// Every stream's versions run 1..n (except Marten's tombstone stream, where it parks the sequence numbers of
    /// appends that failed, such as those cut off by a database restart) with no duplicate and no gap, the stream row agrees, and the inline
    /// Workstream and Agreement snapshots were written at the stream's version (same transaction as the events).
    /// </summary>
    public static async Task ShouldHaveWholeStreamsAsync(string connectionString)
    {
        await using var conn = await OpenAsync(connectionString);
        var problems = new List<string>();
        await using (var cmd = new NpgsqlCommand($"""
            select e.stream_id, count(*), count(distinct e.version), min(e.version), max(e.version), s.version
            from {S}.mt_events e left join {S}.mt_streams s on s.id = e.stream_id
            where e.type <> 'tombstone'
            group by e.stream_id, s.version
            """, conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var (id, count, distinct, min, max) = (reader.GetGuid(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
                long? streamVersion = reader.IsDBNull(5) ? null : reader.GetInt64(5);
                if (count != distinct) problems.Add($"stream {id} has duplicate versions ({count} events, {distinct} versions)");
                if (min != 1 || max != count) problems.Add($"stream {id} has a gap: versions {min}..{max} for {count} events");
                if (streamVersion != max) problems.Add($"stream {id} row says version {streamVersion}, events go to {max}");
            }
        }

        foreach (var (table, type) in new[] { ("mt_doc_workstream", "workstream_opened"), ("mt_doc_agreement", "agreement_registered") })
        {
            await using var cmd = new NpgsqlCommand($"""
                select s.id, s.version, (d.data->>'Version')::bigint
                from {S}.mt_streams s
                join {S}.mt_events first on first.stream_id = s.id and first.version = 1 and first.type = '{type}'
                left join {S}.{table} d on d.id = s.id
                where d.id is null or (d.data->>'Version')::bigint is distinct from s.version
                """, conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                problems.Add($"{table} for stream {reader.GetGuid(0)} is at version {(reader.IsDBNull(2) ? "none" : reader.GetInt64(2))}, the stream at {reader.GetInt64(1)}");
            }
        }
        problems.ShouldBeEmpty(string.Join("\n", problems.Take(20)));
    }

    /// <summary>
    /// The async projection daemon has caught up: every projection shard's progress (and the daemon's high water
    /// mark, when it keeps one) reaches the last event within <paramref name="bound"/>. A stalled daemon fails here.
    /// Every shard in mt_event_progression (the high water mark, the agreement dashboard, stream activity, person
    /// assignments...) must reach the store's last event.
    /// </summary>
    public static async Task ShouldHaveCaughtUpAsync(string connectionString, TimeSpan bound)
    {
        var behind = await PollUntil(async () =>
        {
            await using var conn = await OpenAsync(connectionString);
            await using var cmd = new NpgsqlCommand($"""
                select string_agg(p.name || ' at ' || p.last_seq_id || ' of ' || m.max_seq, ', ')
                from {S}.mt_event_progression p, (select coalesce(max(seq_id), 0) as max_seq from {S}.mt_events) m
                where p.last_seq_id < m.max_seq
                  -- The high-water detector's own bookkeeping rows are not projections: a stuck-gap clock sits at
                  -- the gap it timed, not at the store's height.
                  and p.name not in ('HighWaterStuckGap', 'HighWaterAllocationFence')
                """, conn);
            return await cmd.ExecuteScalarAsync() as string ?? "";
        }, behind => behind.Length == 0, bound);
        behind.Last.ShouldBeEmpty($"the projection daemon did not catch up within {bound.TotalSeconds} s");
    }

    /// <summary>
    /// Once the daemon has caught up, the audit chain covers every event and verifies: faults (failed appends,
    /// sequence gaps, a dead connection mid-page) neither break the chain nor leave an event out of it.
    /// </summary>
    public static async Task ShouldHaveAnIntactAuditChainAsync(string connectionString)
    {
        await using var conn = await OpenAsync(connectionString);
        var result = await ProgramTracker.Api.Audit.AuditVerifier.VerifyAsync(conn, null, CancellationToken.None);
        result.FirstBreak.ShouldBeNull(result.FirstBreak?.Detail);
        result.UnchainedEvents.ShouldBe(0);
        result.Intact.ShouldBeTrue();
    }

    /// <summary>What the daemon has recorded, for the test's output: "name at seq, …" and the last event's seq.</summary>
    public static async Task<string> ProgressionAsync(string connectionString)
    {
        await using var conn = await OpenAsync(connectionString);
        await using var cmd = new NpgsqlCommand($"""
            select coalesce((select string_agg(name || ' at ' || last_seq_id, ', ') from {S}.mt_event_progression), 'no progression rows')
                   || '; last event ' || (select coalesce(max(seq_id), 0) from {S}.mt_events)
            """, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static async Task<Dictionary<string, long>> CountByAsync(NpgsqlConnection conn, string sql)
    {
        var counts = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.IsDBNull(0)) continue;
            var key = reader.GetString(0);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
