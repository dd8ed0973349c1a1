using System.Net;

namespace ProgramTracker.IntegrationTests;

/// <summary>Browser-side defences on the dashboard, its files, the API and error answers alike.</summary>
public class when_pages_are_served(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    [InlineData("/api/agreements")]
    [InlineData("/no-such-page")]
    public async Task every_response_carries_the_security_headers(string url)
    {
        var response = await Http.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("style-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task the_pages_need_no_inline_script_or_style()
    {
        var agreement = await Http.RegisteredAgreement();
        var ws = await Http.OpenedWorkstream(agreement);
        await Http.PlannedMilestone(ws);

        foreach (var url in new[] { "/", $"/agreements/{agreement}", $"/workstreams/{ws}" })
        {
            var html = await (await Http.GetAsync(url)).Content.ReadAsStringAsync();
            html.ShouldNotContain(" style=", customMessage: url);
            html.ShouldNotContain("<style", customMessage: url);
            html.ShouldNotContain(" onclick=", customMessage: url);
            System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\ssrc=)").Count.ShouldBe(0, url);
        }
    }

    [Fact]
    public async Task no_hsts_is_sent_in_testing()
    {
        var response = await Http.GetAsync("https://programtracker.example/");

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} without {name}");
}
