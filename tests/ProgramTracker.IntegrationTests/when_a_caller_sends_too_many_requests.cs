using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;

namespace ProgramTracker.IntegrationTests;

/// <summary>Per-user token buckets: 3 writes and 6 reads a minute in this host, instead of hundreds.</summary>
public class when_a_caller_sends_too_many_requests(AppFixture app) : IntegrationContext(app)
{
    private static readonly Dictionary<string, string> LowLimits = new()
    {
        ["ProgramTracker:RateLimiting:WritesPerMinute"] = "3",
        ["ProgramTracker:RateLimiting:ReadsPerMinute"] = "6",
    };

    private const string Milestone = """{"title":{"en":"Train 20 officials"},"dueDate":"2025-06-30"}""";

    [Fact]
    public async Task writes_over_the_limit_get_429_with_retry_after_and_append_nothing()
    {
        await using var host = await SeparateHost.StartAsync(App, "Testing", LowLimits);
        var http = host.CreateClient();
        var url = $"/api/workstreams/{Guid.NewGuid()}/milestones";
        for (var i = 0; i < 3; i++) (await Post(http, url, "lan")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        var before = await EventCount(host);

        var refused = await Post(http, url, "lan");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(1, 20);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        problem["status"]!.GetValue<int>().ShouldBe(429);
        problem["rule"]!.GetValue<string>().ShouldBe("rate-limited");
        (await EventCount(host)).ShouldBe(before);
    }

    [Fact]
    public async Task each_user_and_each_kind_of_request_has_its_own_allowance_and_health_has_none()
    {
        await using var host = await SeparateHost.StartAsync(App, "Testing", LowLimits);
        var http = host.CreateClient();
        var url = $"/api/workstreams/{Guid.NewGuid()}/milestones";
        for (var i = 0; i < 3; i++) await Post(http, url, "lan");
        (await Post(http, url, "lan")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        (await Post(http, url, "somchai")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "another user has a bucket of their own");
        (await Post(http, url, user: null)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "an anonymous caller is counted by address");
        (await Get(http, "/api/agreements", "lan")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, "reads are counted apart from writes");

        for (var i = 0; i < 5; i++) await Get(http, "/api/agreements", "lan");
        (await Get(http, "/api/agreements", "lan")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        for (var i = 0; i < 20; i++) (await Get(http, "/health/live", "lan")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_switch_turns_limiting_off()
    {
        await using var host = await SeparateHost.StartAsync(App, "Testing",
            new Dictionary<string, string>(LowLimits) { ["ProgramTracker:RateLimiting:Enabled"] = "false" });
        var http = host.CreateClient();
        var url = $"/api/workstreams/{Guid.NewGuid()}/milestones";

        for (var i = 0; i < 10; i++) (await Post(http, url, "lan")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, string url, string? user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Milestone, System.Text.Encoding.UTF8, "application/json") };
        if (user is not null) request.Headers.Add(SeparateHost.UserHeader, user);
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient http, string url, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(SeparateHost.UserHeader, user);
        return await http.SendAsync(request);
    }

    private static async Task<long> EventCount(SeparateHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
