using System.Text;
using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// The plan of the query that works out an officer's workstreams on every request (Security/Access.cs), as Marten
/// sends it, with the GIN index on the workstreams' officers and, in a transaction rolled back, without it.
/// </summary>
public static class AccessPlan
{
    public static async Task<(string With, string Without)> ExplainAsync(NpgsqlDataSource db, string personId)
    {
        var schema = MartenSetup.Schema;
        var query = $"""
            explain (analyze, buffers, format text)
            select d.id, d.agreement_id from {schema}.mt_doc_workstream as d where d.data -> 'Officers' @> $1::jsonb
            """;
        var containment = $$"""[{"PersonId":"{{personId}}"}]""";
        await using var conn = await db.OpenConnectionAsync();
        var with = await PlanAsync(conn, null, query, containment);
        await using var tx = await conn.BeginTransactionAsync();
        string? index;
        await using (var find = new NpgsqlCommand($"select indexname from pg_indexes where schemaname = '{schema}' and tablename = 'mt_doc_workstream' and indexdef like '%Officers%'", conn, tx))
            index = await find.ExecuteScalarAsync() as string;
        if (index is not null)
        {
            await using var drop = new NpgsqlCommand($"drop index {schema}.{index}", conn, tx);
            await drop.ExecuteNonQueryAsync();
        }
        var without = await PlanAsync(conn, tx, query, containment);
        await tx.RollbackAsync();
        return (with, index is null ? "(no officers index to drop)" : without);
    }

    /// <summary>
    /// The plan of the query that works out a reviewer's agreements on every request of a user who is not an
    /// administrator, as sent now (data -> 'Reviewers' @> …, the GIN index's expression) and as LINQ's
    /// Reviewers.Contains sent it before the eighth round (data @> {"Reviewers": …}, which that index cannot serve).
    /// </summary>
    public static async Task<(string Now, string Before)> ExplainReviewersAsync(NpgsqlDataSource db, string personId)
    {
        var schema = MartenSetup.Schema;
        await using var conn = await db.OpenConnectionAsync();
        var now = await PlanAsync(conn, null, $"""
            explain (analyze, buffers, format text)
            select jsonb_build_object('Id', d.id) from {schema}.mt_doc_agreement as d where d.data -> 'Reviewers' @> $1::jsonb
            """, $$"""["{{personId}}"]""");
        var before = await PlanAsync(conn, null, $"""
            explain (analyze, buffers, format text)
            select d.id from {schema}.mt_doc_agreement as d where d.data @> $1::jsonb
            """, $$"""{"Reviewers":["{{personId}}"]}""");
        return (now, before);
    }

    private static async Task<string> PlanAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string query, string containment)
    {
        await using var cmd = new NpgsqlCommand(query, conn, tx);
        cmd.Parameters.AddWithValue(containment);
        var plan = new StringBuilder();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.AppendLine("       " + reader.GetString(0));
        return plan.ToString();
    }

    /// <summary>The plan's last line, "Execution Time: … ms".</summary>
    public static string ExecutionTime(string plan) =>
        plan.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("Execution Time")) ?? "?";
}
