using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace ProgramTracker.IntegrationTests.Webhooks;

/// <summary>
/// A host of its own that may reach loopback (where the test's receiver listens) and retries after a fraction of a
/// second, with a receiver and an administrator's client.
/// </summary>
public sealed class WebhookWorld : IAsyncDisposable
{
    public const int Retries = 6;

    private WebhookWorld(SeparateHost host, TestWebhookReceiver receiver, HttpClient http)
    {
        Host = host;
        Receiver = receiver;
        Http = http;
    }

    public SeparateHost Host { get; }
    public TestWebhookReceiver Receiver { get; }
    public HttpClient Http { get; }

    public static async Task<WebhookWorld> StartAsync(AppFixture app, double retrySeconds = 0.5)
    {
        var settings = new Dictionary<string, string>
        {
            ["ProgramTracker:Webhooks:AllowPrivateTargets"] = "true",
            ["ProgramTracker:Webhooks:TimeoutSeconds"] = "5",
        };
        for (var i = 0; i < Retries; i++) settings[$"ProgramTracker:Webhooks:RetryDelaysSeconds:{i}"] = retrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var host = await SeparateHost.StartAsync(app, "Testing", settings);
        // A bearer token, as an API caller has: the test-user header is a cookie-like session, which needs antiforgery.
        var http = host.CreateClient();
        var token = (await (await http.PostAsync("/dev/token?user=admin", null)).ShouldBe(HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new WebhookWorld(host, await TestWebhookReceiver.StartAsync(), http);
    }

    public async Task<(Guid Id, string Secret)> Registered(object? eventTypes = null, object? agreements = null)
    {
        var created = await (await Http.PostAsJsonAsync("/api/admin/webhooks", new { url = Receiver.Url, eventTypes, agreements }))
            .ShouldBe(HttpStatusCode.Created);
        return (created["id"]!.GetValue<Guid>(), created["secret"]!.GetValue<string>());
    }

    public async Task Amended(Guid agreementId) =>
        await (await Http.PostAsJsonAsync($"/api/agreements/{agreementId}/amendments", new { summary = "Annex 2 added", reason = "Signed in Vientiane" }))
            .ShouldBe(HttpStatusCode.OK);

    /// <summary>The agreement's events as the event feed serves them, once it serves all <paramref name="count"/> of them.</summary>
    public async Task<IReadOnlyList<JsonNode>> FeedOf(Guid agreementId, int count) =>
        await PollUntilOrThrow(async () => (await Http.GetJson($"/api/events?agreementId={agreementId}"))["events"]!.AsArray().Select(e => e!).ToList(),
            events => events.Count >= count, TimeSpan.FromSeconds(30), $"{count} events of {agreementId} in the feed", describe: e => $"{e.Count}");

    public async Task<IReadOnlyList<JsonNode>> Deliveries(string? status = null) =>
        [.. (await Http.GetJson("/api/admin/webhooks/deliveries?limit=1000" + (status is null ? "" : $"&status={status}"))).AsArray().Select(d => d!)];

    /// <summary>
    /// Waits until the fan-out has seen every committed event and no webhook delivery waits in Wolverine's inbox:
    /// after this, nothing more is on its way to the receiver.
    /// </summary>
    public async Task Settled()
    {
        await using var conn = new NpgsqlConnection(Host.ConnectionString);
        await conn.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync() ?? 0L);
        }
        await using (var find = new NpgsqlCommand("select table_schema from information_schema.tables where table_name = 'wolverine_incoming_envelopes'", conn))
        {
            var wolverine = (string)(await find.ExecuteScalarAsync())!;
            await PollUntilOrThrow(async () =>
                    (Behind: await Scalar("""
                        select (select last_seq_id from programtracker.mt_event_progression where name = 'HighWaterMark')
                             - coalesce((select max(last_seq_id) from programtracker.mt_event_progression where name like 'Webhooks%'), 0)
                        """),
                     // Only webhook deliveries: the host's other durable messages (the daily digests' scheduled run) wait by design.
                     Waiting: await Scalar($"select count(*) from {wolverine}.wolverine_incoming_envelopes where status <> 'Handled' and message_type ilike '%webhook%'")),
                s => s.Behind <= 0 && s.Waiting == 0, TimeSpan.FromSeconds(60), "the fan-out and the delivery queue to settle");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Receiver.DisposeAsync();
        await Host.DisposeAsync();
    }
}
