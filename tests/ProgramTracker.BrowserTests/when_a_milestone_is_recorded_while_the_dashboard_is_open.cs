using System.Net.Http.Json;

namespace ProgramTracker.BrowserTests;

public sealed class when_a_milestone_is_recorded_while_the_dashboard_is_open(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_open_page_shows_it_within_seconds_without_a_reload_and_says_how_fresh_it_is()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("LIVE"), new { en = "Live cooperation" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Data links" });
        var milestone = await App.Api.PlannedMilestone(workstream, new { en = "Link tested" }, Programme.Today.AddDays(10));

        await Page.GotoAsync($"/agreements/{agreement}");
        await Assertions.Expect(Page.GetByTestId("live")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Updated \d+ s ago"));
        await Page.EvaluateAsync("() => window.loadedOnce = true");
        var card = Page.Locator($"[data-workstream-id='{workstream}']");
        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("0 of 1 milestones done");

        var response = await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones/{milestone}/complete",
            new { completedOn = Programme.Today.ToString("yyyy-MM-dd") });
        response.EnsureSuccessStatusCode();

        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("1 of 1 milestones done", new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        (await Page.EvaluateAsync<bool>("() => window.loadedOnce === true")).ShouldBeTrue("the page was updated in place, not reloaded");
        await Assertions.Expect(Page.GetByTestId("live")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Updated \d+ s ago"));
    }
}
