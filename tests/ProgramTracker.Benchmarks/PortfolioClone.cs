using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// Scenario 5's large portfolios, loaded fast: a template of a few agreements is written through Marten (inline
/// projections, the async daemon caught up), every id, code and member id of it ending in <see cref="TemplateTail"/>;
/// then, with the daemon paused, every row that holds the template (events, streams, every document table) is copied
/// in SQL, once per copy, with that tail replaced by the copy's own. The copies' events take a fresh block of the
/// event sequence, in the template's order, and the daemon's progression moves past them, so the async projections,
/// whose documents are copied too, neither redo nor miss an event. <see cref="VerifyAsync"/> checks the copies
/// through the API against the template.
/// </summary>
public static class PortfolioClone
{
    public const string TemplateTail = "b1e0c0000000";
    private const string Prefix = "b1e0c0";

    /// <summary>The progression rows of the projections, subscriptions and the high-water mark; not the daemon's note of
    /// the last gap it skipped (HighWaterStuckGap), which is no position.</summary>
    // The progression rows that track the event sequence: Marten's high-water bookkeeping (the stuck-gap observations and
    // the allocation fence, which legitimately sits below the mark) is neither checked nor moved.
    private const string Shards = "name not like 'HighWaterStuck%' and name <> 'HighWaterAllocationFence'";

    /// <summary>The 12 hex digits that end every id of copy <paramref name="copy"/> (0 is the template).</summary>
    public static string Tail(int copy) => Prefix + copy.ToString("x6");

    public static Guid IdOf(Guid templateId, int copy) => new(templateId.ToString("N")[..20] + Tail(copy));

    public static string CodeOf(string templateCode, int copy) => templateCode.Replace(TemplateTail, Tail(copy), StringComparison.Ordinal);

    /// <summary>The tables of the event store that are never copied: the events (copied on their own), the daemon's
    /// progression (moved), and the audit chain (extended over the copies by the app's own code: a link hashes the one
    /// before it, so it cannot be copied).</summary>
    private static readonly HashSet<string> Skipped = ["mt_events", "mt_event_progression", "audit_chain"];

    /// <summary>Copies <paramref name="first"/>..<paramref name="last"/> of the template; answers the tables copied and their rows.</summary>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(IServiceProvider services, NpgsqlDataSource db, int first, int last,
        Action<string> progress)
    {
        var schema = MartenSetup.Schema;
        var marker = "-" + TemplateTail;
        var coordinator = services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        var copied = new List<(string, long)>();
        try
        {
            await using var conn = await db.OpenConnectionAsync();
            async Task<T> Scalar<T>(string sql)
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                cmd.CommandTimeout = 0;
                return (T)(await cmd.ExecuteScalarAsync())!;
            }
            async Task Execute(string sql)
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                cmd.CommandTimeout = 0;
                await cmd.ExecuteNonQueryAsync();
            }

            // The template's events must be one unbroken block of the sequence, so that each copy's block is too.
            await Execute($"create temp table template_events on commit preserve rows as select * from {schema}.mt_events where stream_id::text like '%{marker}'");
            var (minSeq, maxSeq, count) = (await Scalar<long>("select min(seq_id) from template_events"), await Scalar<long>("select max(seq_id) from template_events"),
                await Scalar<long>("select count(*) from template_events"));
            if (count != maxSeq - minSeq + 1)
                throw new InvalidOperationException($"The template's {count} events are not one block of the sequence ({minSeq}..{maxSeq}): something else wrote meanwhile.");
            var behind = await Scalar<string>($"select coalesce(string_agg(name || ' at ' || last_seq_id, ', '), '') from {schema}.mt_event_progression where last_seq_id < {maxSeq} and {Shards}");
            if (behind.Length > 0) throw new InvalidOperationException($"Not caught up with the template's last event ({maxSeq}) before the copy: {behind}.");
            var span = count;
            var copies = last - first + 1;
            // Nothing else writes while the daemon is paused and the loader waits: one block of the sequence for all copies.
            var start = await Scalar<long>($"select nextval('{schema}.mt_events_sequence')");
            await Execute($"select setval('{schema}.mt_events_sequence', {start + copies * span - 1})");
            // Copy k's event n takes start + (k - first) × span + (n's place in the template).
            var seqOf = $"t.seq_id - {minSeq} + {start} + (k.k - {first}) * {span}";
            var replacement = $"'-{Prefix}' || lpad(to_hex(k.k), 6, '0')";

            var tables = new List<string>();
            await using (var cmd = new NpgsqlCommand(
                             // Tables, not their partitions (a partitioned table's rows are copied through it).
                             "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
                             "where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition order by 1", conn))
            {
                cmd.Parameters.AddWithValue(schema);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }
            var clock = Stopwatch.StartNew();
            foreach (var table in tables.Where(t => !Skipped.Contains(t) && t != "mt_streams").Prepend("mt_events").Prepend("mt_streams"))
            {
                var source = table == "mt_events" ? "template_events" : $"template_{table}";
                if (table != "mt_events")
                {
                    await Execute($"create temp table {source} on commit preserve rows as select * from {schema}.{table} t where t::text like '%{marker}%'");
                    // Temporary tables live as long as the server connection, which the pool keeps for the next copy:
                    // one left behind here made the next size's copy fail ("template_mt_doc_api_key already exists").
                    if (await Scalar<long>($"select count(*) from {source}") == 0)
                    {
                        await Execute($"drop table {source}");
                        continue;
                    }
                }
                var columns = new List<(string Name, string Type, string Udt)>();
                await using (var cmd = new NpgsqlCommand(
                                 "select column_name, data_type, udt_name from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position", conn))
                {
                    cmd.Parameters.AddWithValue(schema);
                    cmd.Parameters.AddWithValue(table);
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
                var values = columns.Select(c => ValueOf(table, c.Name, c.Type, c.Udt, replacement, seqOf)).ToList();
                var rows = 0L;
                // A few hundred copies a statement: each statement a transaction of its own, a few tens of MB.
                for (var from = first; from <= last; from += 100)
                {
                    var to = Math.Min(last, from + 99);
                    await using var cmd = new NpgsqlCommand(
                        $"insert into {schema}.{table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                        $"select {string.Join(", ", values)} from {source} t cross join generate_series({from}, {to}) k(k)", conn);
                    cmd.CommandTimeout = 0;
                    rows += await cmd.ExecuteNonQueryAsync();
                    progress($"{table}: {rows:N0} rows copied ({clock.Elapsed.TotalSeconds:0} s)");
                }
                copied.Add((table, rows));
                await Execute($"drop table {source}");
                await Execute($"analyze {schema}.{table}");
            }
            // The chain covers every event in a store the app wrote itself. Left behind, its subscription, moved past the
            // copies below, would chain them all at the next write: in the quiet run of 2026-12-01, 600,000 events in the
            // middle of scenario 9's count (254 KiB read, 4 MB allocated per command), and again in the writers' scenarios
            // after the pause ended it (README, Performance). Nothing writes while the daemon is paused, so every sequence
            // number up to the copies' last is committed.
            var chainClock = Stopwatch.StartNew();
            var links = await ProgramTracker.Api.Audit.AuditChain.ExtendAsync(conn, start + copies * span - 1, CancellationToken.None);
            copied.Add((ProgramTracker.Api.Audit.AuditChain.Table, links));
            Console.WriteLine($"  {ProgramTracker.Api.Audit.AuditChain.Table}: {links:N0} events chained in {chainClock.Elapsed.TotalSeconds:0.0} s");
            // Every projection, subscription and the high-water mark were at the template's end: they move past the copies,
            // whose documents are already there.
            await Execute($"update {schema}.mt_event_progression set last_seq_id = {start + copies * span - 1}, last_updated = now() where {Shards}");
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
        return copied;
    }

    private static string ValueOf(string table, string column, string type, string udt, string replacement, string seqOf)
    {
        var q = $"t.\"{column}\"";
        if (table == "mt_events" && column == "seq_id") return seqOf;
        if (table == "mt_events" && column == "id") return "gen_random_uuid()";
        var replaced = $"replace({q}::text, '-{TemplateTail}', {replacement})";
        // The one document that holds an event's sequence number: a stream's activity (its last event).
        if (table == "mt_doc_stream_activity" && column == "data")
            return $"jsonb_set({replaced}::jsonb, '{{LastSequence}}', to_jsonb(({q} ->> 'LastSequence')::bigint + ({seqOf.Replace("t.seq_id", "0")})))";
        return type switch
        {
            "uuid" => $"{replaced}::uuid",
            "jsonb" => $"{replaced}::jsonb",
            "json" => $"{replaced}::json",
            "text" => replaced,
            "character varying" => $"{replaced}::varchar",
            "ARRAY" when udt is "_text" or "_varchar" or "_uuid" => $"{replaced}::{udt[1..]}[]",
            _ => q,
        };
    }

    /// <summary>
    /// Reads copies through the API, as the app serves them, and compares them with the template's: the agreement,
    /// its dashboard, its portfolio line (searched by code), its workstreams and its committee. Throws at the first
    /// difference.
    /// </summary>
    public static async Task<int> VerifyAsync(HttpClient http, Portfolio template, string templateCode, IEnumerable<int> copies)
    {
        var checkedReads = 0;
        foreach (var copy in copies)
        {
            foreach (var (kind, id) in template.Agreements.Select(a => ("agreement", a)).Take(1)
                         .Concat(template.Workstreams.Take(1).Select(w => ("workstream", w)))
                         .Concat(template.Committees.Take(1).Select(c => ("committee", c))))
            {
                var urls = kind switch
                {
                    "agreement" => new[] { "/api/agreements/{0}", "/api/agreements/{0}/dashboard", "/agreements/{0}" },
                    "workstream" => ["/api/workstreams/{0}", "/workstreams/{0}"],
                    _ => ["/api/committees/{0}", "/committees/{0}"],
                };
                foreach (var url in urls)
                {
                    await CompareAsync(http, string.Format(url, id), string.Format(url, IdOf(id, copy)), copy);
                    checkedReads++;
                }
            }
            await CompareAsync(http, $"/api/agreements?q={templateCode}", $"/api/agreements?q={CodeOf(templateCode, copy)}", copy);
            checkedReads++;
        }
        return checkedReads;
    }

    private static async Task CompareAsync(HttpClient http, string templateUrl, string copyUrl, int copy)
    {
        var expected = (await ReadAsync(http, templateUrl)).Replace(TemplateTail, Tail(copy), StringComparison.Ordinal);
        var actual = await ReadAsync(http, copyUrl);
        // Pages carry a per-response CSP nonce and anti-forgery tokens; everything else must match.
        expected = Normalise(expected);
        actual = Normalise(actual);
        if (expected == actual) return;
        var at = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i]);
        string Around(string s) => s.Substring(Math.Max(0, at - 120), Math.Min(240, s.Length - Math.Max(0, at - 120)));
        throw new InvalidOperationException($"The copy {copyUrl} does not read as the template {templateUrl} does (copy {copy}), at character {at}:\n" +
                                            $"  template: {Around(expected)}\n  copy:     {Around(actual)}");
    }

    private static async Task<string> ReadAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
        if (url.StartsWith("/api/agreements?q=") && !text.Contains("\"total\":1")) throw new InvalidOperationException($"{url} should list exactly one agreement: {text}");
        return text;
    }

    private static string Normalise(string text) =>
        Regex.Replace(text, "(nonce|value|content)=\"[A-Za-z0-9+/=_-]{16,}\"", "$1=\"…\"");

    /// <summary>
    /// The documents of every <c>mt_doc_</c> table (id → JSON), with each time's fraction cut to microseconds: an
    /// inline projection sees the time .NET stamped on the event (100 ns ticks), PostgreSQL keeps microseconds, so
    /// a rebuild writes the same times with fewer digits. Nothing else is changed before comparing.
    /// </summary>
    public static async Task<Dictionary<string, Dictionary<string, string>>> DocumentsAsync(NpgsqlDataSource db)
    {
        var schema = MartenSetup.Schema;
        var tables = new List<string>();
        await using (var cmd = db.CreateCommand($"select table_name from information_schema.tables where table_schema = '{schema}' and table_name like 'mt_doc_%' order by 1"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var documents = new Dictionary<string, Dictionary<string, string>>();
        foreach (var table in tables)
        {
            var rows = documents[table] = [];
            await using var cmd = db.CreateCommand($"select id::text, data::text from {schema}.{table}");
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows[reader.GetString(0)] = Microseconds.Replace(reader.GetString(1), TrimFraction);
        }
        return documents;
    }

    private static readonly Regex Microseconds = new(@"(?<=T\d{2}:\d{2}:\d{2})\.(\d+)", RegexOptions.Compiled);

    private static string TrimFraction(Match m)
    {
        var fraction = m.Groups[1].Value;
        fraction = fraction[..Math.Min(6, fraction.Length)].TrimEnd('0');
        return fraction.Length == 0 ? "" : "." + fraction;
    }

    /// <summary>Runs the app's <c>projections rebuild</c> over the store (the in-process daemon paused) and fails if any
    /// document comes out different from what the load and the copies left.</summary>
    public static async Task<string> RebuildMatchesAsync(IServiceProvider services, NpgsqlDataSource db, string connectionString)
    {
        var coordinator = services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            var before = await DocumentsAsync(db);
            var (took, _) = await RebuildCommand.RunAsync(connectionString, TimeSpan.FromMinutes(30));
            var after = await DocumentsAsync(db);
            var report = new StringBuilder();
            foreach (var table in before.Keys.Union(after.Keys))
            {
                var (was, now) = (before.GetValueOrDefault(table) ?? [], after.GetValueOrDefault(table) ?? []);
                var differ = was.Keys.Union(now.Keys).Where(id => was.GetValueOrDefault(id) != now.GetValueOrDefault(id)).ToList();
                if (differ.Count == 0) continue;
                var (x, y) = (was.GetValueOrDefault(differ[0]) ?? "(none)", now.GetValueOrDefault(differ[0]) ?? "(none)");
                var at = Enumerable.Range(0, Math.Min(x.Length, y.Length)).FirstOrDefault(i => x[i] != y[i]);
                string Around(string text) => text.Substring(Math.Max(0, at - 150), Math.Min(300, text.Length - Math.Max(0, at - 150)));
                report.AppendLine($"  {table}: {differ.Count} of {was.Count} documents differ ({differ.Count(id => id.Contains("-" + Prefix))} of them the template's or copies'), " +
                                  $"e.g. {differ[0]} at character {at}:\n    loaded:  {Around(x)}\n    rebuilt: {Around(y)}");
            }
            if (report.Length > 0) throw new InvalidOperationException("projections rebuild over the copied store changed documents:\n" + report);
            var described = new StringBuilder($"projections rebuild ({took.TotalSeconds:0} s) left every document as it was (times to the microsecond): ");
            described.AppendJoin(", ", before.Where(t => t.Value.Count > 0).Select(t => $"{t.Key} {t.Value.Count:N0}"));
            return described.ToString();
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
    }
}
