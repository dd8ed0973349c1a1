using System.Diagnostics;
using System.Net;
using Npgsql;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// The production set-up the README recommends: the schema applied by a superuser, ops/sql/app-role.sql run, and
/// the app logged in as a member of programtracker_app, which neither is a superuser nor owns the event tables.
/// </summary>
public class when_the_app_runs_as_a_least_privileged_role(OperationsFixture app) : OperationsContext(app)
{
    private static readonly TimeSpan Bound = AppProcess.ReadyBound;

    [Fact]
    public async Task it_records_and_chains_events_but_cannot_rewrite_them_or_switch_the_guard_off()
    {
        var superuser = await App.NewDatabaseAsync("leastprivilege");
        var apply = await AppProcess.RunAsync(["db-apply"], new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = superuser,
            ["Logging__LogLevel__Default"] = "Warning",
        }, Bound);
        apply.ExitCode.ShouldBe(0, apply.Output);

        var login = $"pt_web_{Guid.NewGuid():N}"[..20];
        const string password = "least-privileged";
        await using (var admin = new NpgsqlConnection(superuser))
        {
            await admin.OpenAsync();
            await Execute(admin, await File.ReadAllTextAsync(RepositoryFile("ops", "sql", "app-role.sql")));
            await Execute(admin, $"create role {login} login password '{password}'; grant programtracker_app to {login}");
        }
        var asApp = new NpgsqlConnectionStringBuilder(superuser) { Username = login, Password = password }.ConnectionString;

        await using var node = await AppProcess.StartNodeAsync("least-privileged", new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = asApp,
            ["ProgramTracker__Database__AutoMigrate"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        }, Bound);
        using var http = node.CreateClient();

        var workstream = await http.OpenedWorkstream(await http.RegisteredAgreement());
        await http.PlannedMilestone(workstream);
        var verification = await ChainedUpToTheNewestEvent(http, superuser);
        verification["intact"]!.GetValue<bool>().ShouldBeTrue(verification.ToJsonString());
        verification["unchainedEvents"]!.GetValue<long>().ShouldBe(0, verification.ToJsonString());
        node.Output.ShouldNotContain("permission denied", Case.Insensitive, node.Output);
        node.Output.ShouldNotContain("must be owner", Case.Insensitive, node.Output);

        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(asApp) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[]
                 {
                     "update programtracker.mt_events set data = '{}'",
                     "delete from programtracker.mt_events",
                     "truncate programtracker.mt_events",
                     "delete from programtracker.audit_chain",
                     "alter table programtracker.mt_events disable trigger refuse_event_rewrite",
                     "drop trigger refuse_event_rewrite on programtracker.mt_events",
                     "set session_replication_role = replica",
                 })
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => Execute(conn, sql), sql);
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }
    }

    [Fact]
    public async Task a_schema_applied_by_an_ordinary_owner_still_gets_the_guard_and_keeps_its_tables()
    {
        var superuser = await App.NewDatabaseAsync("plainowner");
        var owner = $"pt_owner_{Guid.NewGuid():N}"[..22];
        const string password = "plain-owner";
        await using (var admin = new NpgsqlConnection(superuser))
        {
            await admin.OpenAsync();
            await Execute(admin, $"create role {owner} login password '{password}'; alter database {admin.Database} owner to {owner}");
        }
        var asOwner = new NpgsqlConnectionStringBuilder(superuser) { Username = owner, Password = password, Pooling = false }.ConnectionString;

        // Like the master user of a managed server: no superuser, no CREATEROLE.
        var apply = await AppProcess.RunAsync(["db-apply"], new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = asOwner,
            ["Logging__LogLevel__Default"] = "Warning",
        }, Bound);
        apply.ExitCode.ShouldBe(0, apply.Output);

        await using var conn = new NpgsqlConnection(asOwner);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select string_agg(c.relname || ':' || pg_get_userbyid(c.relowner) || ':' || t.tgname || ':' || t.tgenabled::text, ' ' order by c.relname, t.tgname) " +
            "from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like 'refuse_event_rewrite%'", conn);
        (await cmd.ExecuteScalarAsync()).ShouldBe(
            $"audit_chain:{owner}:refuse_event_rewrite:A audit_chain:{owner}:refuse_event_rewrite_truncate:A " +
            $"mt_events:{owner}:refuse_event_rewrite:A mt_events:{owner}:refuse_event_rewrite_truncate:A");
        var refused = await Should.ThrowAsync<PostgresException>(() => Execute(conn, "truncate programtracker.mt_events"));
        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    /// <summary>Polls the verification until the chain's head reaches the newest event the store holds.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> ChainedUpToTheNewestEvent(HttpClient http, string superuser)
    {
        long newest;
        await using (var conn = new NpgsqlConnection(superuser))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select max(seq_id) from programtracker.mt_events", conn);
            newest = (long)(await cmd.ExecuteScalarAsync())!;
        }
        return (await PollUntil(async () => await (await http.GetAsync("/api/admin/audit/verify")).ShouldBe(HttpStatusCode.OK),
            result => result["chainHeadSequence"]!.GetValue<long>() >= newest, Bound)).Last;
    }

    private static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln"))) return Path.Combine([dir.FullName, .. parts]);
        }
        throw new FileNotFoundException($"No ProgramTracker.sln above {AppContext.BaseDirectory}.");
    }
}
