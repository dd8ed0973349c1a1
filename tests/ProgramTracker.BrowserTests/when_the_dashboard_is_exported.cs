using System.Text;

namespace ProgramTracker.BrowserTests;

public sealed class when_the_dashboard_is_exported(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_agreement_dashboard_downloads_as_csv_with_one_row_per_workstream()
    {
        var code = Programme.UniqueCode("CSV");
        var agreement = await App.Api.RegisteredAgreement(code, new { en = "Exported cooperation" });
        await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives, \"digitised\"" });
        await App.Api.OpenedWorkstream(agreement, "WS2", new { en = "Training" });
        await Page.GotoAsync($"/agreements/{agreement}");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith($"{code}-dashboard-");
        var lines = (await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8)).TrimEnd().Split("\r\n");

        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Agreement,Workstream,Code,Progress");
        lines[1].ShouldStartWith($"{code},\"Archives, \"\"digitised\"\"\",WS1,0,");
        lines[2].ShouldStartWith($"{code},Training,WS2,");
    }

    [Fact]
    public async Task the_overdue_list_downloads_from_the_portfolio_and_names_the_late_milestone()
    {
        var code = Programme.UniqueCode("LATE");
        var agreement = await App.Api.RegisteredAgreement(code, new { en = "Late cooperation" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });
        await App.Api.PlannedMilestone(workstream, new { en = "Archive scanned" }, Programme.Today.AddDays(-12));
        await Page.GotoAsync("/");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Overdue milestones (CSV)" }).ClickAsync());
        var lines = (await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8)).Split("\r\n");

        lines[0].ShouldBe("Agreement,Workstream,Milestone,Baseline due,Due,Days overdue,Status,Done");
        lines.ShouldContain(l => l.StartsWith($"{code},WS1 Archives,Archive scanned,") && l.Contains(",12,planned,0"));
    }

    [Fact]
    public async Task the_review_pack_lists_slipped_milestones_and_open_actions_for_print()
    {
        var code = Programme.UniqueCode("PACK");
        var agreement = await App.Api.RegisteredAgreement(code, new { en = "Reviewed cooperation" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });
        await App.Api.PlannedMilestone(workstream, new { en = "Archive scanned" }, Programme.Today.AddDays(-12));
        var committee = await App.Api.EstablishedCommittee(agreement, "Steering committee");
        await App.Api.ActionAssigned(committee, "Chase the scanner vendor", $"chase-{code}".ToLowerInvariant(), Programme.Today.AddDays(3), Programme.Today,
            "Mr Chase");

        await Page.GotoAsync($"/agreements/{agreement}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Committee review pack (print)" }).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("pack-slippage")).ToContainTextAsync("Archive scanned");
        await Assertions.Expect(Page.GetByTestId("pack-actions")).ToContainTextAsync("Chase the scanner vendor");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.Locator(".site-header")).ToBeHiddenAsync();
        await Screenshot("review-pack-print");
    }
}
