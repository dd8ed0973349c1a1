using System.Diagnostics;
using Npgsql;
using ProgramTracker.Api.Audit;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// A long stretch of events the chain has not seen yet (a store restored or loaded around the app, a node down for a
/// long time) is chained a bounded number of events per transaction, each continuing from the head the previous one
/// committed, to exactly the links one pass would give. On a database of its own, with the two tables the chain
/// reads and writes, so that no daemon chains the events first.
/// </summary>
public class when_the_audit_chain_catches_up(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_long_stretch_is_chained_in_bounded_transactions_to_the_links_of_one_pass()
    {
        await using var store = await StoreOfUnchainedEvents(events: 25);
        var conn = store.Connection;

        (await AuditChain.ExtendAsync(conn, ceiling: 20, CancellationToken.None, linksPerTransaction: 3)).ShouldBe(20);

        (await Scalar<long>(conn, "select max(seq_id) from programtracker.audit_chain")).ShouldBe(20);
        // xmin is the transaction that inserted the row: 20 links, 3 a transaction.
        (await Scalar<long>(conn, "select count(distinct xmin::text) from programtracker.audit_chain")).ShouldBe(7);

        (await AuditChain.ExtendAsync(conn, ceiling: 25, CancellationToken.None, linksPerTransaction: 3)).ShouldBe(5);
        (await AuditChain.ExtendAsync(conn, ceiling: 25, CancellationToken.None, linksPerTransaction: 3)).ShouldBe(0);

        var stored = await StoredHashes(conn);
        stored.Select(l => l.Sequence).ShouldBe(Enumerable.Range(1, 25).Select(i => (long)i));
        stored.Select(l => l.Hash).ShouldBe(await OnePass(conn));
    }

    [Fact]
    public async Task a_stretch_of_exactly_one_transaction_is_chained_and_the_next_finds_nothing()
    {
        await using var store = await StoreOfUnchainedEvents(events: 4);
        var conn = store.Connection;

        (await AuditChain.ExtendAsync(conn, ceiling: 4, CancellationToken.None, linksPerTransaction: 4)).ShouldBe(4);

        (await StoredHashes(conn)).Select(l => l.Hash).ShouldBe(await OnePass(conn));
    }

    [Fact]
    public async Task a_transaction_takes_the_lock_and_reads_the_head_and_the_events_in_one_round_trip()
    {
        await using var store = await StoreOfUnchainedEvents(events: 10);
        var commands = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Only this test's database: other tests' commands run meanwhile.
                if (activity.GetTagItem("db.namespace") as string != store.Database) return;
                lock (commands) commands.Add(activity.GetTagItem("db.query.text") as string ?? "");
            },
        };
        ActivitySource.AddActivityListener(listener);

        (await AuditChain.ExtendAsync(store.Connection, ceiling: 10, CancellationToken.None)).ShouldBe(10);

        // The BEGIN travels with the first; the COMMIT is one round trip more, which Npgsql does not trace.
        lock (commands)
        {
            commands.Count.ShouldBe(2, string.Join("\n", commands));
            commands[0].ShouldStartWith("select pg_advisory_xact_lock");
            commands[1].ShouldStartWith("insert into programtracker.audit_chain");
        }
        (await StoredHashes(store.Connection)).Select(l => l.Hash).ShouldBe(await OnePass(store.Connection));
    }

    [Fact]
    public async Task two_writers_at_once_take_turns_and_leave_the_links_of_one_pass()
    {
        await using var store = await StoreOfUnchainedEvents(events: 60);
        await using var first = new NpgsqlConnection(store.ConnectionString);
        await using var second = new NpgsqlConnection(store.ConnectionString);
        await first.OpenAsync();
        await second.OpenAsync();

        // Each transaction must read the head the other one committed while it waited for the lock: a stale head
        // would chain an event twice (a duplicate key) or fork the chain (hashes unlike one pass).
        var added = await Task.WhenAll(
            Task.Run(() => AuditChain.ExtendAsync(first, ceiling: 60, CancellationToken.None, linksPerTransaction: 4)),
            Task.Run(() => AuditChain.ExtendAsync(second, ceiling: 60, CancellationToken.None, linksPerTransaction: 4)));

        added.Sum().ShouldBe(60);
        var stored = await StoredHashes(store.Connection);
        stored.Select(l => l.Sequence).ShouldBe(Enumerable.Range(1, 60).Select(i => (long)i));
        stored.Select(l => l.Hash).ShouldBe(await OnePass(store.Connection));
    }

    private async Task<ChainStore> StoreOfUnchainedEvents(int events)
    {
        var connectionString = await TestPostgres.NewDatabaseAsync(App.ConnectionString, "chain");
        var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var create = new NpgsqlCommand(
            """
            create schema programtracker;
            create table programtracker.mt_events (seq_id bigint primary key, id uuid not null, stream_id uuid not null, version bigint not null,
                data jsonb not null, type varchar not null, timestamp timestamptz not null, tenant_id varchar, mt_dotnet_type varchar,
                is_archived bool, headers jsonb, user_name varchar, correlation_id varchar, causation_id varchar);
            create table programtracker.audit_chain (seq_id bigint primary key, stream_id text not null, version bigint not null, type text not null,
                event_timestamp text not null, data_sha256 text not null, metadata_sha256 text not null, previous_hash text not null,
                hash text not null, chained_at timestamptz not null default now());
            insert into programtracker.mt_events
            select n, gen_random_uuid(), '6f1d3c0e-0000-4000-8000-000000000001', n, jsonb_build_object('Percent', n, 'Note', 'ສະບາຍດີ ' || n),
                   'milestone_progress_recorded', timestamptz '2026-12-01 08:00:00+00' + n * interval '1 second', '*DEFAULT*',
                   'ProgramTracker.Api.Workstreams.MilestoneProgressRecorded, ProgramTracker.Api', false,
                   jsonb_build_object('n', n), 'officer', 'c' || n, null
            from generate_series(1, @events) n;
            """, conn);
        create.Parameters.AddWithValue("events", events);
        await create.ExecuteNonQueryAsync();
        return new ChainStore(conn, connectionString, App.ConnectionString, new NpgsqlConnectionStringBuilder(connectionString).Database!);
    }

    private sealed class ChainStore(NpgsqlConnection connection, string connectionString, string adminConnectionString, string database) : IAsyncDisposable
    {
        public NpgsqlConnection Connection { get; } = connection;
        public string ConnectionString { get; } = connectionString;
        public string Database { get; } = database;

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(adminConnectionString, Database);
        }
    }

    /// <summary>The chain's hashes as one pass over every event computes them.</summary>
    private static async Task<List<string>> OnePass(NpgsqlConnection conn)
    {
        var hashes = new List<string>();
        var previous = AuditChain.Genesis;
        await using var cmd = new NpgsqlCommand($"select {AuditChain.EventColumns("e")} from programtracker.mt_events e order by e.seq_id", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            previous = AuditChain.Link(previous, AuditChain.ReadEvent(reader, 0)).Hash;
            hashes.Add(previous);
        }
        return hashes;
    }

    private static async Task<List<(long Sequence, string Hash)>> StoredHashes(NpgsqlConnection conn)
    {
        var links = new List<(long, string)>();
        var previous = AuditChain.Genesis;
        await using var cmd = new NpgsqlCommand("select seq_id, previous_hash, hash from programtracker.audit_chain order by seq_id", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            reader.GetString(1).ShouldBe(previous);
            previous = reader.GetString(2);
            links.Add((reader.GetInt64(0), previous));
        }
        return links;
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
