using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ProgramTracker.OperationsTests;

public class when_the_app_is_killed_with_webhook_deliveries_pending(OperationsFixture app, ITestOutputHelper output) : OperationsContext(app)
{
    private const int Agreements = 5;

    [Fact]
    public async Task every_delivery_still_arrives_after_a_restart()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = await App.NewDatabaseAsync("webhookkill"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["ProgramTracker__Webhooks__AllowPrivateTargets"] = "true",
            ["ProgramTracker__Webhooks__TimeoutSeconds"] = "3",
        };
        for (var i = 0; i < 20; i++) environment[$"ProgramTracker__Webhooks__RetryDelaysSeconds__{i}"] = "1";
        await using var receiver = new TestWebhookReceiver();
        await using var node = await AppProcess.StartNodeAsync("node", environment);

        var registered = await (await node.Http.PostAsJsonAsync("/api/admin/webhooks", new { url = receiver.Url })).ShouldBe(HttpStatusCode.Created);
        var secret = registered["secret"]!.GetValue<string>();
        for (var i = 0; i < Agreements; i++) await node.Http.RegisteredAgreement();

        // The receiver is down: every delivery has failed at least once and waits in the durable queue for its next try.
        await PollUntilOrThrow(async () => (await Json(node.Http, "/api/admin/webhooks/deliveries?status=failing")).AsArray().Count,
            n => n == Agreements, TimeSpan.FromSeconds(60), $"{Agreements} failing deliveries");
        receiver.Received.Count.ShouldBe(0);

        node.Kill();
        await receiver.StartAsync();
        var restart = await node.StartAsync(AppProcess.ReadyBound);
        output.WriteLine($"restarted in {restart.TotalSeconds:0.0} s");

        var feed = (await Json(node.Http, "/api/events"))["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToHashSet();
        feed.Count.ShouldBe(Agreements);
        var arrived = await PollUntilOrThrow(async () => receiver.Accepted,
            a => feed.IsSubsetOf(a.Select(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>())), TimeSpan.FromSeconds(90),
            "every event at the receiver after the restart", describe: a => $"{a.Count} accepted");

        arrived.ShouldAllBe(r => TestWebhookReceiver.Verify(secret, r, null));
        arrived.GroupBy(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>()).ShouldAllBe(g => g.Select(r => r.Id).Distinct().Count() == 1);
        await PollUntilOrThrow(async () => (await Json(node.Http, "/api/admin/webhooks/deliveries?status=delivered")).AsArray().Count,
            n => n == Agreements, TimeSpan.FromSeconds(30), "every delivery recorded as delivered");
    }

    private static async Task<JsonNode> Json(HttpClient http, string url) =>
        await (await http.GetAsync(url)).ShouldBe(HttpStatusCode.OK);
}
