using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

public sealed class when_the_portfolio_is_opened(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task it_lists_the_agreements_registered_through_the_api_with_their_parties_and_progress()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var laos = Programme.UniqueCode("PF-LA");
        var thailand = Programme.UniqueCode("PF-TH");
        var laoId = await App.Api.RegisteredAgreement(laos, new { en = $"Home affairs cooperation {token}", lo = $"ການຮ່ວມມືດ້ານພາຍໃນ {token}" });
        var thaiId = await App.Api.RegisteredAgreement(thailand, new { en = $"Digital government {token}", th = $"รัฐบาลดิจิทัล {token}" }, "TH");
        var workstream = await App.Api.OpenedWorkstream(laoId, "WS1", new { en = "Staff capacity" });
        await App.Api.PlannedMilestone(workstream, new { en = "Long overdue" }, Programme.Today.AddDays(-90));
        await App.WaitForProjectionsAsync();

        // The portfolio pages (20 a page, in code order) like GET /api/agreements: the search finds this test's two.
        await Page.GotoAsync($"/?q={token}");

        var laoCard = Page.Locator($"[data-agreement-id='{laoId}']");
        await Assertions.Expect(laoCard).ToBeVisibleAsync();
        await Assertions.Expect(laoCard.Locator("h2")).ToHaveTextAsync($"Home affairs cooperation {token}");
        await Assertions.Expect(laoCard.Locator(".country")).ToHaveTextAsync(["VN", "LA"]);
        await Assertions.Expect(laoCard.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "0");
        await Assertions.Expect(laoCard.Locator("[data-rag]")).ToHaveAttributeAsync("data-rag", "red");
        await Assertions.Expect(laoCard.Locator("[data-figure=overdue]")).ToHaveTextAsync("1 overdue");
        await Assertions.Expect(Page.Locator($"[data-agreement-id='{thaiId}'] .status")).ToHaveTextAsync("In force");
        await Screenshot("portfolio");
    }

    [Fact]
    public async Task it_filters_by_country_and_finds_titles_in_any_language()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var laoId = await App.Api.RegisteredAgreement(Programme.UniqueCode("FL-LA"), new { en = "Cooperation", lo = $"ຂໍ້ຕົກລົງ{token}" });
        var thaiId = await App.Api.RegisteredAgreement(Programme.UniqueCode("FL-TH"), new { en = "Cooperation", th = $"ข้อตกลง{token}" }, "TH");
        await App.WaitForProjectionsAsync();

        await Page.GotoAsync($"/?q={token}");
        await Assertions.Expect(Page.Locator("[data-agreement-id]")).ToHaveCountAsync(2);

        await Page.GetByLabel("Country").SelectOptionAsync("TH");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await Assertions.Expect(Page.Locator($"[data-agreement-id='{thaiId}']")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator($"[data-agreement-id='{laoId}']")).ToHaveCountAsync(0);
        Page.Url.ShouldContain("country=TH");
    }

    [Fact]
    public async Task it_pages_with_links_the_keyboard_reaches_and_keeps_the_filters()
    {
        var token = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await App.Api.RegisteredAgreement(Programme.UniqueCode($"PG{i}"), new { en = $"Paged cooperation {token}" }));
        await App.WaitForProjectionsAsync();

        await Page.GotoAsync($"/?q={token}&pageSize=2");
        await Assertions.Expect(Page.Locator("[data-agreement-id]")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByTestId("pager")).ToContainTextAsync("Page 1 of 2");

        var next = Page.GetByRole(AriaRole.Link, new() { Name = "Next page" });
        for (var tabs = 0; tabs < 200 && !await next.EvaluateAsync<bool>("e => e === document.activeElement"); tabs++) await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));
        Page.Url.ShouldContain($"q={token}");
        await Assertions.Expect(Page.Locator("[data-agreement-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Previous page" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Next page" })).ToHaveCountAsync(0);
        var shown = await Page.Locator("[data-agreement-id]").GetAttributeAsync("data-agreement-id");
        ids.ShouldContain(Guid.Parse(shown!));
    }

    [Fact]
    public async Task it_fits_a_phone_screen()
    {
        await App.Api.RegisteredAgreement(Programme.UniqueCode("PH"), new { en = "Cooperation seen on a phone" });
        await using var phone = await App.NewContextAsync(phone: true, signedInAs: DemoUsers.Administrator);
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the page scrolls sideways on a phone");
        await Screenshot("portfolio-phone", page);
    }
}
