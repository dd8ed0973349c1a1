using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The committee page offers the same as-of picker as the agreement and workstream pages: a chair appointed today
/// with effect from two months ago sits on the committee a month ago by the dates on the events, while as recorded
/// a month ago nothing about the committee had been entered yet.
/// </summary>
public sealed class when_a_committee_is_seen_as_it_stood(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_roster_of_a_past_day_is_shown_on_either_basis_without_forms()
    {
        var code = Programme.UniqueCode("ASOF");
        var agreement = await App.Api.RegisteredAgreement(code, new { en = "Cooperation in records management" });
        var committee = await App.Api.EstablishedCommittee(agreement, "Records steering committee", Programme.Today.AddDays(-90));
        await App.Api.Appointed(committee, DemoUsers.Chair.PersonId!, DemoUsers.Chair.Name, "chair", $"la-{code}".ToLowerInvariant());
        var monthAgo = Programme.Today.AddDays(-30);

        await using var administrator = await App.NewContextAsync("en-US", signedInAs: DemoUsers.Administrator);
        var page = await administrator.NewPageAsync();
        var roster = page.GetByTestId("roster").Locator("tbody tr");
        await page.GotoAsync($"/committees/{committee}");
        await Assertions.Expect(roster).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#appoint")).ToHaveCountAsync(1);
        // The roster's default basis is the events' own dates, as in GET /api/committees/{id}.
        await Assertions.Expect(page.GetByTestId("as-of-basis")).ToHaveValueAsync("effective");

        await page.GetByLabel("Show as of").FillAsync(monthAgo.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"asOf={monthAgo:yyyy-MM-dd}&basis=effective"));
        await Assertions.Expect(page.GetByTestId("as-of-banner")).ToContainTextAsync(EnglishDates.English(monthAgo));
        await Assertions.Expect(roster).ToHaveCountAsync(1);
        await Assertions.Expect(roster.First).ToContainTextAsync(DemoUsers.Chair.Name);
        await Assertions.Expect(page.GetByTestId("committee-forms")).ToHaveCountAsync(0);
        await page.ExpectNoSeriousViolations("committee page as of a past day");

        await page.GetByTestId("as-of-basis").SelectOptionAsync("recorded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("not-yet-established")).ToContainTextAsync(EnglishDates.English(monthAgo));
        await Assertions.Expect(page.GetByTestId("roster")).ToHaveCountAsync(0);
        await Screenshot("committee-as-of-recorded", page);

        await page.GotoAsync($"/committees/{committee}?asOf=2024-13-40&basis=booked");
        await Assertions.Expect(page.GetByTestId("as-of-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("as-of-basis-error")).ToBeVisibleAsync();
    }
    [Fact]
    public async Task the_past_day_is_chosen_with_the_keyboard_on_a_phone_in_lao()
    {
        var code = Programme.UniqueCode("ASKB");
        var agreement = await App.Api.RegisteredAgreement(code, new { en = "Cooperation in records management", lo = "ການຮ່ວມມືດ້ານການຄຸ້ມຄອງເອກະສານ" });
        var committee = await App.Api.EstablishedCommittee(agreement, "Records steering committee", Programme.Today.AddDays(-90));
        await App.Api.Appointed(committee, DemoUsers.Chair.PersonId!, DemoUsers.Chair.Name, "chair", $"la-{code}".ToLowerInvariant());
        var monthAgo = Programme.Today.AddDays(-30);

        await using var phone = await App.NewContextAsync("lo-LA", phone: true, signedInAs: DemoUsers.Chair);
        var page = await phone.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync($"/committees/{committee}");
        // The date field's digit order follows the browser's locale, so the day is filled in; the rest is the keyboard.
        await page.Locator("#asOf").FillAsync(monthAgo.ToString("yyyy-MM-dd"));
        await page.Locator("#asOf").FocusAsync();
        // Tab walks through the date's day, month and year first, then on to the basis.
        for (var i = 0; i < 4 && !await page.GetByTestId("as-of-basis").EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("as-of-basis")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"asOf={monthAgo:yyyy-MM-dd}"));
        await Assertions.Expect(page.GetByTestId("as-of-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("roster").Locator("tbody tr")).ToHaveCountAsync(1);
        var widest = await page.EvaluateAsync<double>("Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('form.as-of input, form.as-of select, form.as-of button')].map(e => e.getBoundingClientRect().right))");
        widest.ShouldBeLessThanOrEqualTo(375, $"the committee page as of a past day is {widest} px wide at 375 px");
        await page.ExpectNoSeriousViolations("lo-LA committee page as of a past day at 375 px");
    }
}
