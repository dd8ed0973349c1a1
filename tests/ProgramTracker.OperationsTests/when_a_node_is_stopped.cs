using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Xunit.Abstractions;

namespace ProgramTracker.OperationsTests;

public class when_a_node_is_stopped(OperationsFixture app, ITestOutputHelper output) : OperationsContext(app)
{
    [Fact]
    public async Task requests_in_flight_finish_and_every_acknowledged_command_is_kept()
    {
        var connectionString = await App.NewDatabaseAsync("shutdown");
        await using var node = await AppProcess.StartNodeAsync("node", new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = connectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        using var http = node.CreateClient(TimeSpan.FromSeconds(60));
        await http.RegisteredAgreement();

        // Each request registers an agreement of its own (a new stream), so none of them conflict with another.
        var acknowledged = new ConcurrentBag<Guid>();
        var acknowledgedAfterStop = 0;
        var stopSent = 0;
        var answered = 0;
        var requests = Enumerable.Range(0, 60).Select(async _ =>
        {
            try
            {
                var response = await http.PostAsJsonAsync("/api/agreements", TestAgreements.AgreementBody());
                if (response.StatusCode != HttpStatusCode.Created) return;
                var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>();
                acknowledged.Add(id);
                if (Volatile.Read(ref stopSent) == 1) Interlocked.Increment(ref acknowledgedAfterStop);
                if (Interlocked.Increment(ref answered) == 5 && Interlocked.Exchange(ref stopSent, 1) == 0) node.Terminate();
            }
            catch (HttpRequestException)
            {
                // Refused or cut off while the node stopped: not acknowledged, so the client knows to retry.
            }
        }).ToList();
        await Task.WhenAll(requests);

        stopSent.ShouldBe(1);
        (await node.WaitForExitAsync(TimeSpan.FromSeconds(45))).ShouldBeTrue($"the node stops within its shutdown timeout:\n{node.Output}");
        output.WriteLine($"{acknowledged.Count} of 60 acknowledged, {acknowledgedAfterStop} of them after SIGTERM.");
        acknowledgedAfterStop.ShouldBeGreaterThan(0, "requests in flight when the stop began still finish");

        var stored = await Streams(connectionString);
        acknowledged.ShouldAllBe(id => stored.Contains(id), "every 201 the node answered is in the event store");
    }

    private static async Task<HashSet<Guid>> Streams(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select id from programtracker.mt_streams", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
