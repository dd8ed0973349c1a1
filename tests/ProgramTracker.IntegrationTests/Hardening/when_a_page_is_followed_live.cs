using System.Net;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// A live feed for an id that names nothing is a 404 (a browser's EventSource then stops, instead of reconnecting
/// every two seconds), and one user may hold only so many live connections open on a node.
/// </summary>
public sealed class when_a_page_is_followed_live(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("/agreements/{0}/live")]
    [InlineData("/workstreams/{0}/live")]
    public async Task an_unknown_id_is_404_even_for_an_administrator(string template)
    {
        var response = await Http.GetAsync(string.Format(template, Guid.NewGuid()), HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task one_user_holds_at_most_the_configured_number_of_connections()
    {
        await using var host = await SeparateHost.StartAsync(App, "Testing", new Dictionary<string, string>
        {
            ["ProgramTracker:Live:MaxConnectionsPerUser"] = "2",
            ["ProgramTracker:SampleData:LoadOnStart"] = "true",
        });
        using var http = host.CreateClient();
        http.DefaultRequestHeaders.Add(SeparateHost.UserHeader, "busy-user");
        var live = $"/agreements/{ProgramTracker.Api.SampleData.SampleIds.PartyOfficeMou}/live";

        var first = await http.GetAsync(live, HttpCompletionOption.ResponseHeadersRead);
        var second = await http.GetAsync(live, HttpCompletionOption.ResponseHeadersRead);
        var third = await http.GetAsync(live, HttpCompletionOption.ResponseHeadersRead);
        using var other = host.CreateClient();
        other.DefaultRequestHeaders.Add(SeparateHost.UserHeader, "another-user");
        var someoneElse = await other.GetAsync(live, HttpCompletionOption.ResponseHeadersRead);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await third.ShouldBe(HttpStatusCode.TooManyRequests))["rule"]!.GetValue<string>().ShouldBe("too-many-live-connections");
        someoneElse.StatusCode.ShouldBe(HttpStatusCode.OK);

        first.Dispose();
        var again = await RetryUntil(() => http.GetAsync(live, HttpCompletionOption.ResponseHeadersRead), r => r.StatusCode == HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a closed connection gives its place back");
        foreach (var open in new[] { second, someoneElse, again }) open.Dispose();
    }

    private static async Task<HttpResponseMessage> RetryUntil(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool> done)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var response = await send();
            if (done(response) || watch.Elapsed > TimeSpan.FromSeconds(10)) return response;
            response.Dispose();
            await Task.Delay(100);
        }
    }
}
