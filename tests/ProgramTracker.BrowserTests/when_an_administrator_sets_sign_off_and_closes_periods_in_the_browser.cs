using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// What the README's sign-off, closed-period, frozen-pack and two-bases sections describe, done from the pages: an
/// administrator on a phone with the keyboard alone, a chair freezing a pack, the history counted by effective dates.
/// </summary>
public sealed class when_an_administrator_sets_sign_off_and_closes_periods_in_the_browser(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task sign_off_is_turned_on_with_a_reviewer_and_a_period_closed_by_keyboard_and_the_officers_report_then_waits()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("ADMSO"), new { en = "Cooperation set up for sign-off" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Shared data centre" });
        await App.Api.PlannedMilestone(workstream, new { en = "Racks installed" }, Programme.Today.AddDays(30));
        await App.Api.AssignedOfficer(workstream, DemoUsers.Officer.PersonId!, DemoUsers.Officer.Name);
        await Page.SetViewportSizeAsync(375, 812);
        await Page.GotoAsync($"/agreements/{agreement}");
        await Assertions.Expect(Page.GetByTestId("sign-off-now")).ToContainTextAsync("does not require sign-off");

        await Page.Field("set-sign-off", "required").FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Page.Field("set-sign-off", "required")).ToBeCheckedAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add a reviewer" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Field("set-sign-off", "reviewers[0]")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(DemoUsers.Chair.PersonId!);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Field("set-sign-off", "reason")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("The committee counts agreed figures only");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Page.ExpectDone("The sign-off setting is saved.");
        await Assertions.Expect(Page.GetByTestId("sign-off-now")).ToContainTextAsync("requires sign-off");
        await Assertions.Expect(Page.GetByTestId("sign-off-reviewers")).ToHaveTextAsync(DemoUsers.Chair.PersonId!);

        var lastYear = (Programme.Today.Year - 1).ToString(CultureInfo.InvariantCulture);
        await Page.Field("close-period", "period").FocusAsync();
        await Page.Keyboard.TypeAsync($"{lastYear}-Q5");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.ErrorFor("close-period", "period")).ToHaveTextAsync("Write the period as a year (2025) or a quarter (2025-Q1).");
        await Page.Field("close-period", "period").FillAsync("");
        await Page.Field("close-period", "period").FocusAsync();
        await Page.Keyboard.TypeAsync(lastYear);
        await Page.Keyboard.PressAsync("Enter");
        await Page.ExpectDone("The period is closed.");
        await Assertions.Expect(Page.GetByTestId("closed-periods")).ToContainTextAsync(lastYear);
        var widest = await Page.EvaluateAsync<double>("Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('form[data-api-form] input, form[data-api-form] textarea, form[data-api-form] button')].map(e => e.getBoundingClientRect().right))");
        widest.ShouldBeLessThanOrEqualTo(375);
        await Page.ExpectNoSeriousViolations("the agreement page with sign-off on and a closed period");
        await Screenshot("agreement-sign-off-and-periods");

        await using var officerContext = await App.NewContextAsync(signedInAs: DemoUsers.Officer);
        var officer = await officerContext.NewPageAsync();
        await officer.GotoAsync($"/workstreams/{workstream}");
        var report = officer.Locator("#report-progress");
        await report.GetByLabel("Percent done (0–100)").FillAsync("40");
        await report.GetByLabel("What was done").FillAsync("Half the racks");
        await report.GetByRole(AriaRole.Button, new() { Name = "Record progress" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToHaveTextAsync("The progress report is submitted for sign-off.", new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        await Assertions.Expect(officer.Locator("[data-testid=submissions] tr[data-status=pending]")).ToHaveCountAsync(1);
        var dashboard = JsonNode.Parse(await App.Api.GetStringAsync($"/api/agreements/{agreement}/dashboard"))!;
        dashboard["pendingSubmissions"]!.GetValue<int>().ShouldBe(1);
        dashboard["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);
    }

    [Fact]
    public async Task a_chair_freezes_the_pack_from_its_page_and_sees_its_hash()
    {
        var code = Programme.UniqueCode("FRZ");
        var agreement = await App.Api.RegisteredAgreement(code, new { en = "Cooperation with a frozen pack" });
        await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Shared data centre" });
        var committee = await App.Api.EstablishedCommittee(agreement, "Steering committee");
        await App.Api.Appointed(committee, DemoUsers.Chair.PersonId!, DemoUsers.Chair.Name, "chair", $"la-{code}".ToLowerInvariant());
        await using var chairContext = await App.NewContextAsync(signedInAs: DemoUsers.Chair);
        var chair = await chairContext.NewPageAsync();

        await chair.GotoAsync($"/agreements/{agreement}/review-pack");
        await Assertions.Expect(chair.GetByTestId("pack-not-frozen")).ToBeVisibleAsync();
        await chair.Field("freeze-pack", "basis").SelectOptionAsync("effective");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Freeze the pack" }).ClickAsync();
        await chair.ExpectDone("The pack is frozen; its hash is recorded in the audit trail.");
        await Assertions.Expect(chair.GetByTestId("pack-seal")).ToBeVisibleAsync();
        await Assertions.Expect(chair.GetByTestId("review-pack")).ToContainTextAsync("when it happened");
        var printed = (await chair.GetByTestId("pack-sha256").TextContentAsync())!.Trim();
        printed.ShouldMatch("^[0-9a-f]{64}$");

        var frozen = JsonNode.Parse(await App.Api.GetStringAsync($"/api/agreements/{agreement}/review-packs"))!.AsArray().ShouldHaveSingleItem()!;
        frozen["sha256"]!.GetValue<string>().ShouldBe(printed);
        frozen["basis"]!.GetValue<string>().ShouldBe("effective");
        frozen["frozenBy"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        await chair.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(chair.GetByTestId("freeze-pack")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task the_history_counts_the_changes_by_the_dates_on_the_records_when_asked()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        await Page.GotoAsync($"/workstreams/{past.WorkstreamId}/history");
        var changes = Page.GetByTestId("changes");
        var training = changes.Locator($"tr[data-milestone-id='{past.TrainingMilestone}']");

        // The training completion (30 March) was recorded on 2 April.
        await Page.GetByLabel("From").FillAsync("2024-03-01");
        await Page.GetByLabel("To (default today)").FillAsync("2024-03-31");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("changes-banner")).ToContainTextAsync("Counted by when each change was recorded.");
        await Assertions.Expect(training).ToHaveCountAsync(0);

        await Page.GetByTestId("history-basis").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(Page.GetByTestId("history-basis")).ToHaveValueAsync("effective");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Compare" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("basis=effective"));
        await Assertions.Expect(Page.GetByTestId("changes-banner")).ToContainTextAsync("Counted by the dates on the records");
        await Assertions.Expect(training).ToHaveCountAsync(1);

        await Page.GotoAsync($"/agreements/{past.AgreementId}/history?from=2024-03-01&to=2024-03-31&basis=effective");
        await Assertions.Expect(Page.GetByTestId("history-basis")).ToHaveValueAsync("effective");
        await Assertions.Expect(Page.GetByTestId("changes").Locator($"tr[data-milestone-id='{past.TrainingMilestone}']")).ToHaveCountAsync(1);
        (await Page.GotoAsync($"/agreements/{past.AgreementId}/history?from=2024-03-01&basis=sideways"))!.Status.ShouldBe(400);
        await Assertions.Expect(Page.GetByTestId("history-basis-error")).ToBeVisibleAsync();
    }
}
