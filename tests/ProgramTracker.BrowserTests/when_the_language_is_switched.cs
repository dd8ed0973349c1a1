using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

public sealed class when_the_language_is_switched(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_interface_changes_at_once_and_stays_changed_on_the_next_page()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("LANG"),
            new { en = "Home affairs cooperation", vi = "Hợp tác trong lĩnh vực nội vụ", th = "ความร่วมมือด้านกิจการภายใน" }, "TH");

        await Page.GotoAsync("/");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Agreements");

        await Page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("vi");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();

        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Các thỏa thuận");
        await Assertions.Expect(Page.Locator($"[data-agreement-id='{agreement}'] h2")).ToHaveTextAsync("Hợp tác trong lĩnh vực nội vụ");

        await Page.GotoAsync($"/agreements/{agreement}");
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(Page.Locator("#workstreams-heading")).ToHaveTextAsync("Các hợp phần");
        await Assertions.Expect(Page.Locator(".facts").First).ToContainTextAsync("01/06/2023");

        var remembered = await Context.CookiesAsync();
        remembered.ShouldContain(c => c.Name == ".AspNetCore.Culture" && c.Value.Contains("vi"));

        await Page.GetByLabel("Ngôn ngữ", new() { Exact = true }).SelectOptionAsync("th");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Đổi", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1 [lang=th]")).ToHaveTextAsync("ความร่วมมือด้านกิจการภายใน");
        Page.Url.ShouldEndWith($"/agreements/{agreement}");
    }

    [Fact]
    public async Task a_browser_that_asks_for_thai_gets_thai_until_the_user_chooses_otherwise()
    {
        await using var thai = await App.NewContextAsync("th-TH", signedInAs: DemoUsers.Administrator);
        var page = await thai.NewPageAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ข้อตกลง");
        await Screenshot("portfolio-thai", page);
    }
}
