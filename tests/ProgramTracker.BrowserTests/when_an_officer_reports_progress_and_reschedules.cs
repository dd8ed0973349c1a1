using System.Globalization;

namespace ProgramTracker.BrowserTests;

public sealed class when_an_officer_reports_progress_and_reschedules(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task a_progress_report_is_recorded_and_an_out_of_range_percent_is_refused_next_to_its_field()
    {
        var (workstream, milestone) = await PlannedMilestone();
        await Page.GotoAsync($"/workstreams/{workstream}");
        var form = Page.Locator("#report-progress");

        await form.GetByLabel("Percent done (0–100)").FillAsync("150");
        await form.GetByLabel("What was done").FillAsync("Half of the scanners arrived");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#progress-percent-error")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Percent done (0–100)")).ToHaveAttributeAsync("aria-invalid", "true");

        await form.GetByLabel("Percent done (0–100)").FillAsync("40");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The progress report is recorded.");
        var row = Page.Locator($"tr[data-milestone-id='{milestone}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "inprogress");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("40%");
    }

    [Fact]
    public async Task rescheduling_needs_a_reason_and_then_moves_the_due_date()
    {
        var (workstream, milestone) = await PlannedMilestone();
        await Page.GotoAsync($"/workstreams/{workstream}");
        var form = Page.Locator("#reschedule-milestone");
        var newDue = Programme.Today.AddDays(60);

        await form.GetByLabel("New due date").FillAsync(newDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#reschedule-reason-error")).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByLabel("Reason (required)")).ToBeFocusedAsync();
        (await App.Api.Workstream(workstream))["milestones"]![0]!["dueDate"]!.GetValue<string>()
            .ShouldBe(Programme.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Screenshot("workstream-reschedule-refused");

        await form.GetByLabel("Reason (required)").FillAsync("The vendor delivers in two batches");
        await form.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The milestone has a new due date.");
        await Assertions.Expect(Page.Locator($"tr[data-milestone-id='{milestone}'] td").Nth(1)).ToHaveTextAsync(EnglishDates.English(newDue));
    }

    private async Task<(Guid Workstream, Guid Milestone)> PlannedMilestone()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("FORM"), new { en = "Cooperation in archives" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });
        var milestone = await App.Api.PlannedMilestone(workstream, new { en = "Scanners installed" }, Programme.Today.AddDays(20));
        return (workstream, milestone);
    }
}
