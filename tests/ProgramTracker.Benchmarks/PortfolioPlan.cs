using System.Diagnostics;
using System.Text;
using Npgsql;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// Scenario 5's look at PostgreSQL around the portfolio reads: the setup step that finishes a bulk load (VACUUM ANALYZE
/// and a CHECKPOINT, as any bulk load would before it is read), the plans of the portfolio page's statements as the app
/// sends them, and what PostgreSQL did in the background (autovacuum, autoanalyze, checkpoints) while the reads ran.
/// </summary>
public static class PortfolioPlan
{
    /// <summary>VACUUM (ANALYZE) of the database, then a CHECKPOINT; returns what it took.</summary>
    public static async Task<string> SettleAsync(NpgsqlDataSource db)
    {
        var clock = Stopwatch.StartNew();
        await using (var vacuum = db.CreateCommand("vacuum (analyze)")) { vacuum.CommandTimeout = 600; await vacuum.ExecuteNonQueryAsync(); }
        var vacuumed = clock.Elapsed;
        await using (var checkpoint = db.CreateCommand("checkpoint")) { checkpoint.CommandTimeout = 600; await checkpoint.ExecuteNonQueryAsync(); }
        return $"VACUUM (ANALYZE) {vacuumed.TotalSeconds:0.0} s, CHECKPOINT {(clock.Elapsed - vacuumed).TotalSeconds:0.0} s";
    }

    /// <summary>The server's background work so far: autovacuum and autoanalyze runs of the schema's tables, checkpoints.</summary>
    public sealed record Background(long Autovacuums, long Autoanalyzes, long Checkpoints, string Tables);

    public static async Task<Background> BackgroundAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand($"""
            select (select coalesce(sum(autovacuum_count), 0) from pg_stat_user_tables where schemaname = '{MartenSetup.Schema}'),
                   (select coalesce(sum(autoanalyze_count), 0) from pg_stat_user_tables where schemaname = '{MartenSetup.Schema}'),
                   (select checkpoints_timed + checkpoints_req from pg_stat_bgwriter),
                   (select coalesce(string_agg(relname || ' ' || autovacuum_count || '/' || autoanalyze_count, ', ' order by relname), '')
                      from pg_stat_user_tables where schemaname = '{MartenSetup.Schema}' and autovacuum_count + autoanalyze_count > 0)
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new(Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)), reader.GetInt64(2), reader.GetString(3));
    }

    public static string Describe(Background before, Background after) =>
        $"autovacuum runs {after.Autovacuums - before.Autovacuums}, autoanalyze runs {after.Autoanalyzes - before.Autoanalyzes}, " +
        $"checkpoints {after.Checkpoints - before.Checkpoints} (tables autovacuumed/autoanalyzed so far: {(after.Tables.Length == 0 ? "none" : after.Tables)})";

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the portfolio page's one statement as Reads sends it (the total and the
    /// page's lines), at a middle page with the total counted and with it kept (<see cref="PortfolioTotals"/>: the
    /// dashboard projection's row as it was when it was counted), at the last page, and as the officer's page (the
    /// officer's agreements, always counted); then of the paging statement as it was before the seventh round.</summary>
    public static async Task<string> ExplainAsync(NpgsqlDataSource db, int scale, string officerId, string shard)
    {
        var schema = MartenSetup.Schema;
        var middle = Math.Max(0, scale / 2 / 20 * 20);
        var last = Math.Max(0, (scale - 1) / 20 * 20);
        var plan = new StringBuilder();
        await using var conn = await db.OpenConnectionAsync();
        var officerAgreements = new List<Guid>();
        await using (var read = new NpgsqlCommand($"select distinct d.agreement_id from {schema}.mt_doc_workstream as d where d.data -> 'Officers' @> $1::jsonb", conn))
        {
            read.Parameters.AddWithValue($$"""[{"PersonId":"{{officerId}}"}]""");
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) officerAgreements.Add(reader.GetGuid(0));
        }
        var kept = PortfolioTotals.Kept.None;
        await using (var row = new NpgsqlCommand($"select last_seq_id, last_updated, (select count(*) from {schema}.mt_doc_agreement_dashboard where code != '') from {schema}.mt_event_progression where name = $1", conn))
        {
            row.Parameters.AddWithValue(shard);
            await using var reader = await row.ExecuteReaderAsync();
            if (await reader.ReadAsync()) kept = new(reader.GetInt64(0), reader.GetDateTime(1), reader.GetInt64(2));
        }
        async Task Explain(string title, string sql, params NpgsqlParameter[] parameters)
        {
            plan.AppendLine($"     {title}:");
            await using var cmd = new NpgsqlCommand("explain (analyze, buffers, format text) " + sql, conn);
            cmd.Parameters.AddRange(parameters);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) plan.AppendLine("       " + reader.GetString(0));
        }
        // The app's own statement (Reads.PortfolioPageSql), with Marten's filter for the unfiltered portfolio (d.code != '').
        NpgsqlParameter[] Paging(int offset, PortfolioTotals.Kept known) =>
            [new("page_offset", offset), new("page_limit", 20), new("shard", shard),
             new("known_position", known.Position), new("known_updated", known.Updated), new("known_total", known.Total)];
        var none = PortfolioTotals.Kept.None;
        await Explain($"the page, one statement: the total counted and the lines (offset {middle})", Reads.PortfolioPageSql("d.code != ''"), Paging(middle, none));
        await Explain($"the same with the total kept (offset {middle})", Reads.PortfolioPageSql("d.code != ''"), Paging(middle, kept));
        await Explain($"the last page, counted (offset {last})", Reads.PortfolioPageSql("d.code != ''"), Paging(last, none));
        await Explain($"the officer's page ({officerAgreements.Count} agreements)", Reads.PortfolioPageSql("d.id = ANY(:ids) and d.code != ''"),
            [.. Paging(0, none), new("ids", officerAgreements.ToArray())]);
        // The paging statement as it was before the seventh round (Marten's Stats(): the total as a window over every row).
        await Explain($"before: the page's ids with the total as count(*) OVER () (offset {middle})",
            $"select d.id, count(*) OVER() as total_rows from {schema}.mt_doc_agreement_dashboard as d where d.code != '' order by d.code OFFSET {middle} LIMIT 20");
        return plan.ToString();
    }

    /// <summary>The "Execution Time" lines of a plan, joined.</summary>
    public static string ExecutionTimes(string plan) =>
        string.Join(", ", plan.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Execution Time")));
}
