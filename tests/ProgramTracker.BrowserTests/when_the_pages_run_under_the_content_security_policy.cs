using System.Net.Http.Json;

namespace ProgramTracker.BrowserTests;

public sealed class when_the_pages_run_under_the_content_security_policy(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task nothing_is_blocked_bars_are_drawn_and_print_works()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("CSP"), new { en = "Cooperation under a strict policy" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Shared data centre" });
        var milestone = await App.Api.PlannedMilestone(workstream, new { en = "Racks installed" }, Programme.Today.AddDays(30));
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones/{milestone}/progress", new { percent = 40, narrative = "Half the racks" }))
            .EnsureSuccessStatusCode();
        var indicator = await Created(await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/indicators",
            new { name = new { en = "Ministries connected" }, unit = "ministries", targetLow = 10, targetHigh = 12, period = "cumulative" }));
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/indicators/{indicator}/measurements",
            new { value = 11, period = "2025", measuredOn = Programme.Today.AddDays(-1).ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();
        var committee = await Created(await App.Api.PostAsJsonAsync($"/api/agreements/{agreement}/committees",
            new { name = new { en = "Joint committee" }, mandate = new { en = "Reviews the work" }, establishedOn = "2024-01-01", quorum = new { kind = "majority" } }));
        var meeting = await Created(await App.Api.PostAsJsonAsync($"/api/committees/{committee}/meetings",
            new { scheduledOn = Programme.Today.AddDays(-2).ToString("yyyy-MM-dd"), agenda = new[] { workstream } }));
        (await App.Api.PostAsJsonAsync($"/api/committees/{committee}/meetings/{meeting}/held", new { attendees = Array.Empty<string>() })).EnsureSuccessStatusCode();

        var violations = new List<string>();
        Page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };
        await Page.AddInitScriptAsync("""
            document.addEventListener("securitypolicyviolation", e => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
            window.print = () => { document.documentElement.dataset.printed = "yes"; };
            """);

        foreach (var url in new[]
                 {
                     "/", "/agreements/register", $"/agreements/{agreement}", $"/agreements/{agreement}/history", $"/agreements/{agreement}/review-pack",
                     $"/workstreams/{workstream}", $"/workstreams/{workstream}/history", $"/committees/{committee}",
                     $"/committees/{committee}/meetings/{meeting}/minutes",
                 })
        {
            var response = await Page.GotoAsync(url);
            response!.Status.ShouldBe(200, url);
            (await response.HeaderValueAsync("content-security-policy") ?? "").ShouldContain("script-src 'self'");
            await Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        }

        await Page.GotoAsync($"/agreements/{agreement}");
        var chart = Page.Locator($"[data-indicator-id='{indicator}'] .indicator__chart").First;
        var bar = Page.Locator($"[data-indicator-id='{indicator}'] .indicator__bar").First;
        var share = (await bar.BoundingBoxAsync())!.Width / (await chart.BoundingBoxAsync())!.Width;
        share.ShouldBeInRange(0.78f, 0.88f, "11 of a 10–12 target is drawn at 11 / (12 × 1.1) of the chart");

        foreach (var printable in new[] { $"/agreements/{agreement}/review-pack", $"/committees/{committee}/meetings/{meeting}/minutes" })
        {
            await Page.GotoAsync(printable);
            await Page.Locator("[data-print]").First.ClickAsync();
            await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("data-printed", "yes");
        }

        violations.ShouldBeEmpty();
    }

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }
}
