namespace ProgramTracker.BrowserTests;

public sealed class when_an_officer_starts_blocks_and_unblocks_a_milestone(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task each_form_records_it_and_the_milestone_shows_its_new_status()
    {
        var (workstream, milestone) = await PlannedMilestone();
        var row = Page.Locator($"tr[data-milestone-id='{milestone}']");
        await Page.GotoAsync($"/workstreams/{workstream}");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "planned");
        await Assertions.Expect(Page.Locator("#unblock-milestone")).ToHaveCountAsync(0);

        await Page.Locator("#start-milestone").GetByRole(AriaRole.Button, new() { Name = "Record the start" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "started" })).ToHaveTextAsync("The milestone is recorded as started.");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "inprogress");
        await Assertions.Expect(Page.Locator("#start-milestone")).ToHaveCountAsync(0);

        var block = Page.Locator("#block-milestone");
        await block.GetByLabel("What blocks it (required)").FillAsync("The vendor has not delivered the scanners");
        await block.GetByRole(AriaRole.Button, new() { Name = "Record the block" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "blocked" })).ToHaveTextAsync("The milestone is recorded as blocked.");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "blocked");
        await Assertions.Expect(row).ToContainTextAsync("The vendor has not delivered the scanners");
        await Screenshot("workstream-milestone-blocked");

        var unblock = Page.Locator("#unblock-milestone");
        await unblock.GetByLabel("How it was resolved (required)").FillAsync("Scanners delivered");
        await unblock.GetByRole(AriaRole.Button, new() { Name = "Unblock" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "no longer blocked" })).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "inprogress");
        await Assertions.Expect(Page.Locator("#unblock-milestone")).ToHaveCountAsync(0);

        var stored = (await App.Api.Workstream(workstream))["milestones"]![0]!;
        stored["status"]!.GetValue<string>().ShouldBe("inProgress");
    }

    [Fact]
    public async Task a_block_without_a_reason_is_refused_next_to_the_reason_field()
    {
        var (workstream, milestone) = await PlannedMilestone();
        await Page.GotoAsync($"/workstreams/{workstream}");
        var block = Page.Locator("#block-milestone");

        await block.GetByRole(AriaRole.Button, new() { Name = "Record the block" }).ClickAsync();

        var error = Page.Locator("#block-reason-error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToHaveTextAsync("A reason is required.");
        await Assertions.Expect(block.GetByLabel("What blocks it (required)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(block.GetByLabel("What blocks it (required)")).ToBeFocusedAsync();
        await Assertions.Expect(Page.Locator($"tr[data-milestone-id='{milestone}']")).ToHaveAttributeAsync("data-status", "planned");
        await Screenshot("workstream-block-refused");
        (await App.Api.Workstream(workstream))["milestones"]![0]!["status"]!.GetValue<string>().ShouldBe("planned");
    }

    [Fact]
    public async Task a_cancelled_milestone_leaves_the_forms_and_no_longer_counts()
    {
        var (workstream, milestone) = await PlannedMilestone();
        await Page.GotoAsync($"/workstreams/{workstream}");

        var cancel = Page.Locator("#cancel-milestone");
        await cancel.GetByLabel("Why it is cancelled (required)").FillAsync("Dropped at the annual review");
        await cancel.GetByRole(AriaRole.Button, new() { Name = "Cancel the milestone" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "cancelled" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator($"tr[data-milestone-id='{milestone}']")).ToHaveAttributeAsync("data-status", "cancelled");
        await Assertions.Expect(Page.Locator("#cancel-milestone")).ToHaveCountAsync(0);
    }

    private async Task<(Guid Workstream, Guid Milestone)> PlannedMilestone()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("STAT"), new { en = "Cooperation in archives" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });
        var milestone = await App.Api.PlannedMilestone(workstream, new { en = "Scanners installed" }, Programme.Today.AddDays(20));
        return (workstream, milestone);
    }
}
