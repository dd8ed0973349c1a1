using System.Net;
using Npgsql;

namespace ProgramTracker.OperationsTests;

public class when_the_event_store_is_exported_and_imported(OperationsFixture app) : OperationsContext(app)
{
    private static readonly TimeSpan CommandTimeout = AppProcess.ReadyBound;

    [Fact]
    public async Task a_fresh_database_gets_the_same_events_with_their_metadata_and_the_same_views()
    {
        var workstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var milestone = await Http.PlannedMilestone(workstream);
        (await Http.CompleteMilestone(workstream, milestone)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.WaitForProjectionsAsync();

        var response = await Http.GetAsync("/api/admin/events/export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var exported = await response.Content.ReadAsStringAsync();
        var archive = Path.Combine(Path.GetTempPath(), $"programtracker-archive-{Guid.NewGuid():N}.jsonl");
        var reexported = archive + ".again";
        await File.WriteAllTextAsync(archive, exported);

        try
        {
            var target = await App.NewDatabaseAsync("imported");
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Marten"] = target,
                ["Logging__LogLevel__Default"] = "Warning",
            };

            var import = await AppProcess.RunAsync(["import", "--file", archive], environment, CommandTimeout);
            import.ExitCode.ShouldBe(0, import.Output);
            var export = await AppProcess.RunAsync(["export", "--file", reexported], environment, CommandTimeout);
            export.ExitCode.ShouldBe(0, export.Output);

            var original = Lines(exported);
            original.ShouldContain(l => l.Contains("\"milestone_completed\"") && l.Contains("\"correlation_id\""));
            Lines(await File.ReadAllTextAsync(reexported)).ShouldBe(original);

            // The views are rebuilt from the imported events: the async projection exactly; the inline snapshot
            // except its timestamps, which at append time come from the app's clock and on rebuild from the
            // stored events (the database's clock, in microseconds).
            (await Document(target, "mt_doc_stream_activity", workstream)).ShouldBe(await Document(App.ConnectionString, "mt_doc_stream_activity", workstream));
            WithoutTimestamps(await Document(target, "mt_doc_workstream", workstream))
                .ShouldBe(WithoutTimestamps(await Document(App.ConnectionString, "mt_doc_workstream", workstream)));

            var again = await AppProcess.RunAsync(["import", "--file", archive], environment, CommandTimeout);
            again.ExitCode.ShouldNotBe(0);
            again.Output.ShouldContain("already holds events");
        }
        finally
        {
            File.Delete(archive);
            File.Delete(reexported);
        }
    }

    /// <summary>The archive's rows, without its first line (which says when it was made).</summary>
    private static List<string> Lines(string archive) =>
        archive.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

    private static string WithoutTimestamps(string? json)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(json!)!.AsObject();
        document.Remove("OpenedAt");
        document.Remove("LastUpdatedAt");
        return document.ToJsonString();
    }

    private static async Task<string?> Document(string connectionString, string table, Guid id)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"select data::text from programtracker.{table} where id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        return (string?)await cmd.ExecuteScalarAsync();
    }
}
