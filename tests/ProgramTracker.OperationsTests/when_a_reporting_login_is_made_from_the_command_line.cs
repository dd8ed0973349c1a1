using Npgsql;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// What an operator does for a BI tool: db-apply, then the reporting-role command. The login keeps reading the
/// views when a later db-apply re-creates them.
/// </summary>
public class when_a_reporting_login_is_made_from_the_command_line(OperationsFixture app) : OperationsContext(app)
{
    private static readonly TimeSpan Bound = AppProcess.ReadyBound;

    [Fact]
    public async Task the_login_reads_the_views_after_they_are_re_created_and_nothing_else()
    {
        var database = await App.NewDatabaseAsync("reporting");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = database,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var apply = await AppProcess.RunAsync(["db-apply"], environment, Bound);
        apply.ExitCode.ShouldBe(0, apply.Output);

        var login = $"bi_{Guid.NewGuid():N}"[..16];
        const string password = "a-long-reporting-password";
        var refused = await AppProcess.RunAsync(["reporting-role", login, "--password", "short"], environment, Bound);
        refused.ExitCode.ShouldNotBe(0, refused.Output);
        refused.Output.ShouldContain("at least 12 characters");

        var made = await AppProcess.RunAsync(["reporting-role", login], new Dictionary<string, string>(environment)
        {
            ["PROGRAMTRACKER_REPORTING_PASSWORD"] = password,
        }, Bound);
        made.ExitCode.ShouldBe(0, made.Output);
        made.Output.ShouldContain($"Login '{login}' may now read the reporting views");

        await using (var owner = new NpgsqlConnection(database))
        {
            await owner.OpenAsync();
            await using var drop = new NpgsqlCommand("drop view reporting.milestones", owner);
            await drop.ExecuteNonQueryAsync();
        }
        var reapply = await AppProcess.RunAsync(["db-apply"], environment, Bound);
        reapply.ExitCode.ShouldBe(0, reapply.Output);

        await using var bi = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database)
        {
            Username = login, Password = password, Pooling = false,
        }.ConnectionString);
        await bi.OpenAsync();
        await using (var read = new NpgsqlCommand("select count(*) from reporting.milestones", bi))
        {
            ((long)(await read.ExecuteScalarAsync())!).ShouldBe(0, "a fresh database has no milestones, and the login may count them");
        }
        await using var events = new NpgsqlCommand("select count(*) from programtracker.mt_events", bi);
        var denied = await Should.ThrowAsync<PostgresException>(() => events.ExecuteScalarAsync());
        denied.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }
}
