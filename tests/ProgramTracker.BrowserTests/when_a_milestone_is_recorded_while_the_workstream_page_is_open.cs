using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace ProgramTracker.BrowserTests;

public sealed class when_a_milestone_is_recorded_while_the_workstream_page_is_open(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_page_shows_it_within_seconds_without_a_reload_and_keeps_what_the_officer_was_typing()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("WLIVE"), new { en = "Live cooperation" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Data links" });
        var tested = await App.Api.PlannedMilestone(workstream, new { en = "Link tested" }, Programme.Today.AddDays(10));
        await App.Api.PlannedMilestone(workstream, new { en = "Link in service" }, Programme.Today.AddDays(40));

        await Page.GotoAsync($"/workstreams/{workstream}");
        await Assertions.Expect(Page.GetByTestId("live")).ToContainTextAsync(new Regex(@"Updated \d+ s ago"));
        await Page.EvaluateAsync("() => window.loadedOnce = true");
        await Page.Locator("#reschedule-milestone").GetByLabel("Reason (required)").FillAsync("Half typed");
        var row = Page.Locator($"tr[data-milestone-id='{tested}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "planned");

        var response = await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones/{tested}/complete",
            new { completedOn = Programme.Today.ToString("yyyy-MM-dd") });
        response.EnsureSuccessStatusCode();

        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        (await Page.EvaluateAsync<bool>("() => window.loadedOnce === true")).ShouldBeTrue("the page was updated in place, not reloaded");
        await Assertions.Expect(Page.GetByTestId("live")).ToContainTextAsync(new Regex(@"Updated \d+ s ago"));
        await Assertions.Expect(Page.Locator("#reschedule-milestone").GetByLabel("Reason (required)")).ToHaveValueAsync("Half typed");
        await Screenshot("workstream-live-update");

        // The kept form still offers the milestone completed meanwhile; sending it is refused in words, next to the milestone.
        var reschedule = Page.Locator("#reschedule-milestone");
        await reschedule.GetByLabel("New due date").FillAsync(Programme.Today.AddDays(30).ToString("yyyy-MM-dd"));
        await reschedule.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#reschedule-milestoneId-error")).ToHaveTextAsync("The milestone is already completed.");
    }
}
