using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// Two app processes in cluster mode on one database: both take writes, Wolverine runs each async projection on
/// exactly one of them, and when that one is killed (-9) the projection moves to the other.
/// </summary>
public class when_two_nodes_share_one_database(OperationsFixture app, ITestOutputHelper output) : OperationsContext(app)
{
    private static readonly TimeSpan StartTimeout = AppProcess.ReadyBound;
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task projections_run_once_and_move_to_the_survivor_when_their_node_dies()
    {
        var connectionString = await App.NewDatabaseAsync("cluster");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = connectionString,
            ["ProgramTracker__Cluster__Enabled"] = "true",
            ["ProgramTracker__Cluster__HealthCheckSeconds"] = "1",
            ["ProgramTracker__Cluster__StaleNodeSeconds"] = "5",
            ["ProgramTracker__Cluster__CheckAssignmentSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        // The first node creates the schema; the second starts against it.
        await using var first = await AppProcess.StartNodeAsync("node-1", environment, StartTimeout);
        await using var second = await AppProcess.StartNodeAsync("node-2", environment, StartTimeout);
        var nodes = new[] { first, second };
        using var http1 = first.CreateClient();
        using var http2 = second.CreateClient();

        try
        {
            for (var i = 0; i < 3; i++)
            {
                var agreement = await http1.RegisteredAgreement();
                var workstream = await http2.OpenedWorkstream(agreement);
                await http1.PlannedMilestone(workstream);
                await http2.PlannedMilestone(workstream);
            }

            await WaitUntilCaughtUp(http1, StartTimeout);
            await ProjectedActivityShouldMatchTheEvents(connectionString);

            var owner = await OwnerOfStreamActivity(nodes, StartTimeout);
            var survivor = owner == first ? second : first;
            var survivorHttp = owner == first ? http2 : http1;
            output.WriteLine($"StreamActivity runs on {owner.Name}; killing it (-9).");

            var watch = Stopwatch.StartNew();
            owner.Kill();

            // Written after the kill: only a projection on the survivor can apply these.
            var lateAgreement = await survivorHttp.RegisteredAgreement();
            var lateWorkstream = await survivorHttp.OpenedWorkstream(lateAgreement);
            await survivorHttp.PlannedMilestone(lateWorkstream);

            await WaitUntilCaughtUp(survivorHttp, FailoverBound);
            var failover = watch.Elapsed;
            (await OwnerOfStreamActivity([survivor], FailoverBound)).ShouldBe(survivor);

            var message = $"Failover: async projections resumed on {survivor.Name} and caught up {failover.TotalSeconds:0.0} s after {owner.Name} was killed.";
            output.WriteLine(message);
            Console.WriteLine(message);

            await ProjectedActivityShouldMatchTheEvents(connectionString);
        }
        catch
        {
            foreach (var node in nodes) output.WriteLine($"--- {node.Name} ---\n{node.Output}");
            throw;
        }
    }

    /// <summary>
    /// What a from-scratch rebuild of StreamActivity gives, computed straight from the events: every stream's
    /// event count and newest sequence. A lost event shows as a smaller count, an event applied twice as a larger one.
    /// </summary>
    private static async Task ProjectedActivityShouldMatchTheEvents(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var expected = await Rows(conn, "select stream_id::text, count(*)::text, max(seq_id)::text from programtracker.mt_events group by stream_id order by 1");
        var projected = await Rows(conn,
            "select id::text, (data->>'Events'), (data->>'LastSequence') from programtracker.mt_doc_stream_activity order by 1");
        expected.Count.ShouldBeGreaterThan(0);
        projected.ShouldBe(expected);
    }

    private static async Task<List<string>> Rows(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        return rows;
    }

    private static async Task WaitUntilCaughtUp(HttpClient http, TimeSpan timeout)
    {
        await PollUntilOrThrow(async () => await (await http.GetAsync("/api/admin/projections")).ShouldBe(HttpStatusCode.OK),
            status => status["projections"]!.AsArray() is { Count: > 0 } projections && projections.All(p => p!["eventsBehind"]!.GetValue<long>() == 0),
            timeout, "The projections catching up", TimeSpan.FromMilliseconds(200), status => status.ToJsonString());
    }

    private static async Task<AppProcess> OwnerOfStreamActivity(IEnumerable<AppProcess> nodes, TimeSpan timeout)
    {
        return (await PollUntilOrThrow<AppProcess?>(async () =>
        {
            foreach (var node in nodes.Where(n => !n.HasExited))
            {
                var view = await (await node.Http.GetAsync("/api/admin/node")).ShouldBe(HttpStatusCode.OK);
                if (view["agents"]!.AsArray().Any(a => a!.GetValue<string>().Contains("streamactivity", StringComparison.OrdinalIgnoreCase))) return node;
            }
            return null;
        }, owner => owner is not null, timeout, "A node running the StreamActivity projection", TimeSpan.FromMilliseconds(200)))!;
    }
}
