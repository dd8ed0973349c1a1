using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>The forms work with the keyboard alone and fit a 375 px wide phone screen.</summary>
public sealed class when_forms_are_used_with_the_keyboard_on_a_phone(BrowserFixture app) : BrowserTest(app)
{
    private async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 400; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(selector)}) ?? false")) return;
        }
        throw new ShouldAssertException($"Tab never reached {selector}");
    }

    [Fact]
    public async Task an_officer_is_assigned_and_a_party_added_and_removed_with_the_keyboard_alone()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("KEYS"), new { en = "Cooperation by keyboard" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });
        await Page.GotoAsync($"/workstreams/{workstream}");

        await TabTo(Page, "form#assign-officer [name=personId]");
        await Page.Keyboard.TypeAsync("kb-officer");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("Officer Keyboard");
        await Page.Keyboard.PressAsync("Enter");
        await Page.ExpectDone("The project officer is assigned.");
        (await App.Api.Workstream(workstream))["officers"]![0]!["personId"]!.GetValue<string>().ShouldBe("kb-officer");

        await Page.GotoAsync("/agreements/register");
        await TabTo(Page, "[data-testid=parties] > [data-add-item]");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Field("register-agreement", "parties[2].partyId")).ToBeFocusedAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Remove party 3" })).ToBeVisibleAsync();
        await Page.Keyboard.TypeAsync("third");
        await TabTo(Page, "[data-testid=parties] [data-repeat-item]:nth-child(2) > .repeat-item__actions [data-remove-item]");
        await Page.Keyboard.PressAsync(" ");
        // The third party moved up to be the second, named and numbered as such; two is the least an agreement
        // has, so no party may be removed now and focus goes to "Add a party".
        await Assertions.Expect(Page.Field("register-agreement", "parties[1].partyId")).ToHaveValueAsync("third");
        await Assertions.Expect(Page.Field("register-agreement", "parties[2].partyId")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Remove party 2" })).ToBeDisabledAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Add a party" })).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("lo-LA")]
    public async Task every_form_page_fits_a_375_px_screen(string locale)
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("PHONE"), new { en = "Cooperation on a phone" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });
        await App.Api.AssignedOfficer(workstream, "phone-officer", "Officer Phone");
        await App.Api.PlannedMilestone(workstream, new { en = "Scanned" }, Programme.Today.AddDays(20));
        await using var context = await App.NewContextAsync(locale, phone: true, signedInAs: DemoUsers.Administrator);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);

        foreach (var (url, name) in new[] { ("/agreements/register", "register"), ($"/agreements/{agreement}", "agreement"), ($"/workstreams/{workstream}", "workstream") })
        {
            await page.GotoAsync(url);
            if (name == "register") await page.GetByTestId("parties").Locator("[data-repeat-item]").First.Locator("[data-add-item]").ClickAsync();
            var widest = await page.EvaluateAsync<double>("Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('form[data-api-form] input, form[data-api-form] select, form[data-api-form] textarea, form[data-api-form] button')].map(e => e.getBoundingClientRect().right))");
            widest.ShouldBeLessThanOrEqualTo(375, $"{url} is {widest} px wide at 375 px");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"forms-375-{name}-{locale}.png"), FullPage = true });
        }
    }
}
