using Npgsql;

namespace ProgramTracker.OperationsTests;

public class when_the_audit_chain_is_verified_from_the_command_line(OperationsFixture app) : OperationsContext(app)
{
    private static readonly TimeSpan CommandTimeout = AppProcess.ReadyBound;

    [Fact]
    public async Task audit_verify_exits_zero_on_an_intact_chain_and_one_naming_the_changed_event()
    {
        var agreement = await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = App.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var intact = await AppProcess.RunAsync(["audit", "verify"], environment, CommandTimeout);
        intact.ExitCode.ShouldBe(0, intact.Output);
        intact.Output.ShouldContain("The chain is intact.");

        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        await using var find = new NpgsqlCommand("select min(seq_id) from programtracker.mt_events where stream_id = @id", conn);
        find.Parameters.AddWithValue("id", agreement);
        var sequence = (long)(await find.ExecuteScalarAsync())!;
        await using var type = new NpgsqlCommand($"select type from programtracker.mt_events where seq_id = {sequence}", conn);
        var original = (string)(await type.ExecuteScalarAsync())!;
        try
        {
            await AroundTheGuard(conn, "update programtracker.mt_events set type = 'agreement_withdrawn' where seq_id = @seq", sequence);

            var broken = await AppProcess.RunAsync(["audit", "verify"], environment, CommandTimeout);
            broken.ExitCode.ShouldBe(1, broken.Output);
            broken.Output.ShouldContain($"BROKEN at event {sequence} (stream {agreement}): event-changed");
            broken.Output.ShouldContain("type differ");
        }
        finally
        {
            await AroundTheGuard(conn, "update programtracker.mt_events set type = @original where seq_id = @seq", sequence, original);
        }

        (await AppProcess.RunAsync(["audit", "verify"], environment, CommandTimeout)).ExitCode.ShouldBe(0);
    }

    /// <summary>What only a superuser can do: switch the guard off, inside one transaction.</summary>
    private static async Task AroundTheGuard(NpgsqlConnection conn, string sql, long sequence, string? original = null)
    {
        await using var tx = await conn.BeginTransactionAsync();
        foreach (var statement in new[]
                 {
                     "alter table programtracker.mt_events disable trigger refuse_event_rewrite", sql,
                     "alter table programtracker.mt_events enable always trigger refuse_event_rewrite",
                 })
        {
            await using var cmd = new NpgsqlCommand(statement, conn, tx);
            if (statement.Contains("@seq")) cmd.Parameters.AddWithValue("seq", sequence);
            if (statement.Contains("@original")) cmd.Parameters.AddWithValue("original", original!);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }
}
