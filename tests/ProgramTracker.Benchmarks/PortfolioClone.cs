using System.Diagnostics;
using System.Text;
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

    /// <summary>The 12 hex digits that end every id of copy <paramref name="copy"/> (0 is the template).</summary>
    public static string Tail(int copy) => Prefix + copy.ToString("x6");

    public static Guid IdOf(Guid templateId, int copy) => new(templateId.ToString("N")[..20] + Tail(copy));

    public static string CodeOf(string templateCode, int copy) => templateCode.Replace(TemplateTail, Tail(copy), StringComparison.Ordinal);

    /// <summary>The tables of the event store that are never copied: the events (copied on their own), the daemon's
    /// progression (moved), and the audit chain (left as it is: it does not chain the copies, said in the report).</summary>
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
            var behind = await Scalar<long>($"select count(*) from {schema}.mt_event_progression where last_seq_id < {maxSeq}");
            if (behind > 0) throw new InvalidOperationException($"{behind} projection(s) had not caught up with the template before the copy.");
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
            foreach (var table in tables.Where(t => !Skipped.Contains(t)).Prepend("mt_events"))
            {
                var source = table == "mt_events" ? "template_events" : $"template_{table}";
                if (table != "mt_events")
                {
                    await Execute($"create temp table {source} on commit preserve rows as select * from {schema}.{table} t where t::text like '%{marker}%'");
                    if (await Scalar<long>($"select count(*) from {source}") == 0) continue;
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
            // Every projection, subscription and the high-water mark were at the template's end: they move past the copies,
            // whose documents are already there.
            await Execute($"update {schema}.mt_event_progression set last_seq_id = {start + copies * span - 1}, last_updated = now()");
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
        System.Text.RegularExpressions.Regex.Replace(text, "(nonce|value|content)=\"[A-Za-z0-9+/=_-]{16,}\"", "$1=\"…\"");

    /// <summary>
    /// The documents of every <c>mt_doc_</c> table, hashed per table (id and JSON, in id order), the daemon paused: to
    /// compare the store before and after <c>projections rebuild</c>.
    /// </summary>
    public static async Task<Dictionary<string, (long Rows, string Hash)>> DocumentHashesAsync(NpgsqlDataSource db)
    {
        var schema = MartenSetup.Schema;
        var tables = new List<string>();
        await using (var cmd = db.CreateCommand($"select table_name from information_schema.tables where table_schema = '{schema}' and table_name like 'mt_doc_%' order by 1"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var hashes = new Dictionary<string, (long, string)>();
        foreach (var table in tables)
        {
            await using var cmd = db.CreateCommand($"select count(*), coalesce(md5(string_agg(id::text || ' ' || data::text, E'\\n' order by id)), '') from {schema}.{table}");
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            hashes[table] = (reader.GetInt64(0), reader.GetString(1));
        }
        return hashes;
    }

    /// <summary>Runs the app's <c>projections rebuild</c> over the store (the in-process daemon paused) and fails if any
    /// document comes out different from what the load and the copies left.</summary>
    public static async Task<string> RebuildMatchesAsync(IServiceProvider services, NpgsqlDataSource db, string connectionString)
    {
        var coordinator = services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            var before = await DocumentHashesAsync(db);
            var (took, _) = await RebuildCommand.RunAsync(connectionString, TimeSpan.FromMinutes(30));
            var after = await DocumentHashesAsync(db);
            var differ = before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).ToList();
            if (differ.Count > 0)
                throw new InvalidOperationException("projections rebuild over the copied store changed documents in " +
                                                    string.Join(", ", differ.Select(t => $"{t} ({before.GetValueOrDefault(t).Item1} rows before, {after.GetValueOrDefault(t).Item1} after)")));
            var described = new StringBuilder($"projections rebuild ({took.TotalSeconds:0} s) left every document as it was: ");
            described.AppendJoin(", ", before.Where(t => t.Value.Rows > 0).Select(t => $"{t.Key} {t.Value.Rows:N0}"));
            return described.ToString();
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
    }
}
