using System.Net;
using System.Text.Json.Nodes;

namespace ProgramTracker.OperationsTests;

public class when_a_node_appends_events(OperationsFixture app) : OperationsContext(app)
{
    [Fact]
    public async Task with_the_wake_up_on_its_async_projections_take_them_without_waiting_for_the_next_poll()
    {
        var connectionString = await App.NewDatabaseAsync("wakeup");
        // Polls a minute apart: within the bound below, only the wake-up on commit can bring the projections up to date.
        await using var node = await AppProcess.StartNodeAsync("node", new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = connectionString,
            ["Logging__LogLevel__Default"] = "Warning",
            ["ProgramTracker__Projections__WakeOnCommit"] = "true",
            ["ProgramTracker__Projections__FastPollingMs"] = "60000",
            ["ProgramTracker__Projections__SlowPollingMs"] = "60000",
        });
        using var http = node.CreateClient(TimeSpan.FromSeconds(60));

        await http.OpenedWorkstream(await http.RegisteredAgreement());

        var status = await PollUntilOrThrow(async () => (await (await http.GetAsync("/api/admin/projections")).ShouldBe(HttpStatusCode.OK)).AsObject(),
            s => s["headSequence"]!.GetValue<long>() > 0 && s["projections"]!.AsArray().All(p => p!["eventsBehind"]!.GetValue<long>() == 0),
            TimeSpan.FromSeconds(20), "every async projection at the head of the event store, with the daemon polling once a minute",
            describe: s => $"{s.ToJsonString()}\n{node.Output}");
        status["projections"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldContain("StreamActivity");
    }
}
