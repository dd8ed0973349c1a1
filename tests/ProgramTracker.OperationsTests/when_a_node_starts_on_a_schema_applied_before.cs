using Npgsql;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// With ProgramTracker:Database:TrustSchemaStamp on, the first start of a node applies the schema and stamps it; later
/// starts of the same build trust the stamp and skip the schema diff. A change made by hand behind the
/// app's back is therefore not repaired by a restart, but by db-apply, which always diffs in full, or by a start with
/// the setting off.
/// </summary>
public class when_a_node_starts_on_a_schema_applied_before(OperationsFixture app) : OperationsContext(app)
{
    // A start on the shared test machine may take far longer than on a quiet one.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task a_restart_skips_the_diff_and_db_apply_or_a_full_check_repairs_a_change_made_by_hand()
    {
        var database = await App.NewDatabaseAsync("stamp");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = database,
            ["Logging__LogLevel__Default"] = "Warning",
            ["ProgramTracker__Database__TrustSchemaStamp"] = "true",
        };
        await using var node = new AppProcess("stamped", environment);
        await node.StartAsync(Bound);
        (await Scalar<long>(database, "select count(*) from public.weasel_schema_fingerprints")).ShouldBe(1, "the first start stamps the schema it applied");
        await StopAsync(node);

        await Execute(database, "drop view reporting.milestones");
        await node.StartAsync(Bound);
        (await ViewExists(database)).ShouldBeFalse("a restart on a stamped schema reads the stamp, not the catalog, so it re-creates nothing");
        using (var http = node.CreateClient())
        {
            // The node serves as before: its own tables were not touched.
            await http.RegisteredAgreement();
        }
        await StopAsync(node);

        var apply = await AppProcess.RunAsync(["db-apply"], environment, Bound);
        apply.ExitCode.ShouldBe(0, apply.Output);
        (await ViewExists(database)).ShouldBeTrue("db-apply diffs in full whatever the stamp says");

        await Execute(database, "drop view reporting.milestones");
        await using var checking = await AppProcess.StartNodeAsync("checking", new Dictionary<string, string>(environment)
        {
            ["ProgramTracker__Database__TrustSchemaStamp"] = "false",
        }, Bound);
        (await ViewExists(database)).ShouldBeTrue("a start with TrustSchemaStamp=false diffs in full and re-creates the view");
    }

    private static async Task StopAsync(AppProcess node)
    {
        node.Terminate();
        (await node.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue(node.Output);
    }

    private static async Task<bool> ViewExists(string database) =>
        await Scalar<string?>(database, "select to_regclass('reporting.milestones')::text") is not null;

    private static async Task<T> Scalar<T>(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }

    private static async Task Execute(string database, string sql)
    {
        await using var conn = new NpgsqlConnection(database);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
