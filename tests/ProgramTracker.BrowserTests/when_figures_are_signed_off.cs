using System.Text.Json.Nodes;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The officer submits progress, the chair (named as the agreement's reviewer) returns it with a reason, the officer
/// reads the reason and resubmits, the chair approves on a phone with the keyboard: the dashboard moves only then.
/// </summary>
public sealed class when_figures_are_signed_off(BrowserFixture app) : BrowserTest(app)
{
    protected override DemoUser? SignedInAs => DemoUsers.Officer;

    [Fact]
    public async Task a_submission_is_returned_resubmitted_and_approved_and_the_dashboard_moves_only_at_approval()
    {
        var signedOff = await SignOffProgramme.Agreement(App, "SIGN");
        await using var chairContext = await App.NewContextAsync(phone: true, signedInAs: DemoUsers.Chair);
        var chair = await chairContext.NewPageAsync();
        await chair.SetViewportSizeAsync(375, 812);

        await Report(signedOff, 60, "Racks installed");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The progress report is submitted for sign-off.", new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        await Assertions.Expect(Page.Locator("[data-testid=submissions] tr[data-status=pending]")).ToHaveCountAsync(1);
        (await Dashboard(signedOff))["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);

        await chair.GotoAsync("/reviews");
        var item = chair.Locator("[data-testid=reviews] > li");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await item.GetByRole(AriaRole.Button, new() { Name = "Return to the officer" }).ClickAsync();
        await Assertions.Expect(item.Locator("[data-error-for=reason]")).ToBeVisibleAsync();
        await item.GetByLabel("Why it goes back (required to return)").FillAsync("Attach the delivery note");
        await item.GetByRole(AriaRole.Button, new() { Name = "Return to the officer" }).ClickAsync();
        await chair.ExpectDone("The submission is returned to its officer with your reason.");
        await Assertions.Expect(chair.GetByTestId("no-reviews")).ToBeVisibleAsync();

        await Page.GotoAsync($"/workstreams/{signedOff.Workstream}");
        await Assertions.Expect(Page.GetByTestId("returned-reason")).ToContainTextAsync("Attach the delivery note");
        await Report(signedOff, 55, "Racks installed; delivery note attached");
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The progress report is submitted for sign-off.", new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        await Assertions.Expect(Page.GetByTestId("returned-reason")).ToHaveCountAsync(0);
        (await Dashboard(signedOff))["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);

        await chair.GotoAsync("/reviews");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToContainTextAsync("delivery note attached");
        await chair.ExpectNoSeriousViolations("the reviews page with a submission");
        var widest = await chair.EvaluateAsync<double>("Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('form[data-api-form] textarea, form[data-api-form] button')].map(e => e.getBoundingClientRect().right))");
        widest.ShouldBeLessThanOrEqualTo(375);
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve" }).FocusAsync();
        await chair.Keyboard.PressAsync("Enter");
        await chair.ExpectDone("The submission is approved; it counts in the figures now.");
        await Screenshot("reviews-approved", chair);

        var dashboard = await Dashboard(signedOff);
        dashboard["percentComplete"]!.GetValue<decimal>().ShouldBe(55m);
        dashboard["pendingSubmissions"]!.GetValue<int>().ShouldBe(0);
        await Page.GotoAsync($"/agreements/{signedOff.Agreement}");
        await Assertions.Expect(Page.Locator("[data-figure=pending]")).ToHaveCountAsync(0);
        var history = (await App.Api.GetStringAsync($"/api/workstreams/{signedOff.Workstream}/history"));
        history.ShouldContain("approved the submission");
    }

    private async Task Report(SignOffProgramme.SignedOff signedOff, int percent, string narrative)
    {
        await Page.GotoAsync($"/workstreams/{signedOff.Workstream}");
        var form = Page.Locator("#report-progress");
        await form.GetByLabel("Percent done (0–100)").FillAsync(percent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("What was done").FillAsync(narrative);
        await form.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
    }

    private async Task<JsonNode> Dashboard(SignOffProgramme.SignedOff signedOff) =>
        JsonNode.Parse(await App.Api.GetStringAsync($"/api/agreements/{signedOff.Agreement}/dashboard"))!;
}
