using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Reminders;
using Xunit.Abstractions;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// Two app processes in cluster mode on one database, started together: one daily run is scheduled between them,
/// and when both run the same day at once every person is sent one digest, by one node or the other.
/// </summary>
public class when_two_nodes_run_the_daily_digests(OperationsFixture app, ITestOutputHelper output) : OperationsContext(app)
{
    // Generous: both nodes compile their Wolverine code at once, on a machine that may be busy.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);
    private const int People = 6;

    [Fact]
    public async Task each_person_gets_one_digest_and_one_daily_run_is_scheduled()
    {
        var connectionString = await App.NewDatabaseAsync("reminders");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);
        var people = Enumerable.Range(1, People).Select(i => $"officer-{i}-{Guid.NewGuid():N}"[..20]).ToList();
        await Seed(connectionString, people, day);

        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = connectionString,
            ["ProgramTracker__Cluster__Enabled"] = "true",
            ["ProgramTracker__Cluster__HealthCheckSeconds"] = "1",
            ["ProgramTracker__Cluster__StaleNodeSeconds"] = "5",
            ["ProgramTracker__Cluster__CheckAssignmentSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var starting = new[] { "node-1", "node-2" }.Select(name => AppProcess.StartNodeAsync(name, environment, StartTimeout)).ToList();
        await Task.WhenAll(starting);
        await using var first = await starting[0];
        await using var second = await starting[1];
        try
        {
            // Both nodes look for a waiting daily run at start; the lock lets only the first schedule one.
            await PollUntilOrThrow(() => ScheduledDailyRuns(connectionString), count => count >= 1, StartTimeout, "The daily run scheduled",
                TimeSpan.FromMilliseconds(200));
            (await ScheduledDailyRuns(connectionString)).ShouldBe(1);

            var runs = await Task.WhenAll(Run(first, day), Run(second, day));
            output.WriteLine($"node-1 sent {runs[0].Sent.Count}, node-2 sent {runs[1].Sent.Count}");
            runs.SelectMany(r => r.Sent).Order().ShouldBe(people.Order());
            runs.Sum(r => r.Sent.Count + r.AlreadySent).ShouldBe(2 * People);

            var sent = await DigestsSent(connectionString, day);
            sent.Order().ShouldBe(people.Select(p => Digest.MailId(p, day)).Order());

            // And again on either node, later: nothing more.
            var again = await Run(second, day);
            again.Sent.ShouldBeEmpty();
            again.AlreadySent.ShouldBe(People);
            (await ScheduledDailyRuns(connectionString)).ShouldBe(1);
        }
        catch
        {
            foreach (var node in new[] { first, second }) output.WriteLine($"--- {node.Name} ---\n{node.Output}");
            throw;
        }
    }

    /// <summary>Officers with a milestone due soon, and their profiles, written through an app host that is then stopped.</summary>
    private static async Task Seed(string connectionString, IReadOnlyList<string> people, DateOnly day)
    {
        await using var host = InProcessHost.Start(connectionString, configure: web =>
        {
            web.UseSetting("ProgramTracker:Cluster:Enabled", "true");
            web.UseSetting("ProgramTracker:Reminders:Schedule", "false");
            // This host lives in the test process beside the fixture's app. Its gauges would share the fixture's
            // OpenTelemetry metric streams (same meter and instrument names), and disposing them stops those streams
            // for the whole process (open-telemetry/opentelemetry-dotnet#6412): the fixture's gauges went silent.
            web.UseSetting("ProgramTracker:Telemetry:StoreGauges", "false");
        });
        using var http = host.CreateClient();
        var agreement = await http.RegisteredAgreement(TestAgreements.AgreementBody(to: "2030-12-31"));
        var workstream = await http.OpenedWorkstream(agreement);
        await (await http.PlanMilestone(workstream, day.AddDays(3).ToString("yyyy-MM-dd"))).ShouldBe(HttpStatusCode.Created);
        await using var session = host.Store.LightweightSession();
        foreach (var person in people)
        {
            await (await http.PostAsJsonAsync($"/api/workstreams/{workstream}/officers", new { personId = person, name = $"Officer {person}" }))
                .ShouldBe(HttpStatusCode.OK);
            session.Store(new PersonProfile { Id = person, Email = $"{person}@example.org", Language = "th" });
        }
        await session.SaveChangesAsync();
    }

    private static async Task<DigestRunResult> Run(AppProcess node, DateOnly day)
    {
        // The first call compiles the endpoint's code on the node: more than the usual 30 s on a busy machine.
        using var http = node.CreateClient(TimeSpan.FromSeconds(180));
        using var response = await http.PostAsync($"/api/admin/reminders/run?day={day:yyyy-MM-dd}", null);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return System.Text.Json.JsonSerializer.Deserialize<DigestRunResult>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    private static async Task<long> ScheduledDailyRuns(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await DailySchedule.PendingAsync(connection, null, CancellationToken.None);
    }

    private static async Task<List<string>> DigestsSent(string connectionString, DateOnly day)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select id from programtracker.mt_doc_digest_sent where day = @day", connection);
        command.Parameters.AddWithValue("day", day);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
