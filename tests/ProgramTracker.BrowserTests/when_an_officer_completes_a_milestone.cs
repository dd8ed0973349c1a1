using System.Globalization;

namespace ProgramTracker.BrowserTests;

public sealed class when_an_officer_completes_a_milestone(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_form_records_it_and_the_agreement_dashboard_shows_it()
    {
        var (agreement, workstream, milestone) = await OverdueMilestone();

        await Page.GotoAsync($"/workstreams/{workstream}");
        await Page.Locator("#complete-milestone").GetByLabel("Milestone", new() { Exact = true }).SelectOptionAsync(milestone.ToString());
        await Page.GetByLabel("Completed on").FillAsync(Programme.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("Note (optional)").FillAsync("Signed off by the steering committee");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record completion" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The milestone is recorded as completed.");
        await Assertions.Expect(Page.Locator($"tr[data-milestone-id='{milestone}']")).ToHaveAttributeAsync("data-status", "completed");
        await Screenshot("workstream-after-completion");

        await Page.GotoAsync($"/agreements/{agreement}");
        var card = Page.Locator($"[data-workstream-id='{workstream}']");
        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("1 of 1 milestones done");
        await Assertions.Expect(card.Locator("[data-figure=overdue]")).ToHaveTextAsync("0 overdue");
        await Assertions.Expect(card.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Screenshot("agreement-after-completion");
    }

    [Fact]
    public async Task a_completion_date_in_the_future_is_refused_next_to_the_date_field()
    {
        var (_, workstream, milestone) = await OverdueMilestone();

        await Page.GotoAsync($"/workstreams/{workstream}");
        await Page.GetByLabel("Completed on").FillAsync(Programme.Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record completion" }).ClickAsync();

        var error = Page.Locator("#completedOn-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToHaveTextAsync("The completion date cannot be in the future.");
        await Assertions.Expect(Page.GetByLabel("Completed on")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Page.GetByLabel("Completed on")).ToBeFocusedAsync();
        await Assertions.Expect(Page.Locator("#milestoneId-error")).ToBeHiddenAsync();
        await Screenshot("workstream-refused-completion");

        var stored = await App.Api.Workstream(workstream);
        stored["milestones"]![0]!["status"]!.GetValue<string>().ShouldBe("planned");
        stored["milestones"]![0]!["id"]!.GetValue<Guid>().ShouldBe(milestone);
    }

    [Fact]
    public async Task a_malformed_evidence_link_is_refused_next_to_its_field_in_the_chosen_language()
    {
        var (_, workstream, _) = await OverdueMilestone();
        await Page.GotoAsync($"/workstreams/{workstream}");

        await Page.Locator("#complete-milestone").GetByLabel("Evidence link (optional)").FillAsync("not a link");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record completion" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#evidenceUrl-error")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#evidenceUrl-error")).ToHaveTextAsync("Give a full link starting with http:// or https://.");
        await Assertions.Expect(Page.Locator("#completedOn-error")).ToBeHiddenAsync();
    }

    private async Task<(Guid Agreement, Guid Workstream, Guid Milestone)> OverdueMilestone()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("DONE"), new { en = "Cooperation in home affairs" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });
        var milestone = await App.Api.PlannedMilestone(workstream, new { en = "Archive scanned" }, Programme.Today.AddDays(-20));
        return (agreement, workstream, milestone);
    }
}
