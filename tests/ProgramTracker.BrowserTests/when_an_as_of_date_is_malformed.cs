using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

public sealed class when_an_as_of_date_is_malformed(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_workstream_and_agreement_pages_say_so_next_to_the_picker()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("ASOF"), new { en = "Cooperation in archives" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives" });

        var response = await Page.GotoAsync($"/workstreams/{workstream}?asOf=2025-13-45");

        response!.Status.ShouldBe(400);
        var error = Page.GetByTestId("as-of-error");
        await Assertions.Expect(error).ToHaveTextAsync("“2025-13-45” is not a date, so the page shows today. Pick a day or write it as 2024-06-30.");
        await Assertions.Expect(Page.GetByLabel("Show as of")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Page.GetByTestId("as-of-banner")).ToHaveCountAsync(0);
        await Screenshot("workstream-malformed-as-of");

        (await Page.GotoAsync($"/agreements/{agreement}?asOf=yesterday"))!.Status.ShouldBe(400);
        await Assertions.Expect(Page.GetByTestId("as-of-error")).ToContainTextAsync("“yesterday” is not a date");

        (await Page.GotoAsync($"/workstreams/{workstream}/history?from=2025-02-30"))!.Status.ShouldBe(400);
        await Assertions.Expect(Page.GetByTestId("date-error")).ToContainTextAsync("“2025-02-30” is not a date");
    }

    [Fact]
    public async Task in_thai_the_message_is_thai()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("ASOF"), new { en = "Cooperation in archives" });
        await using var thai = await App.NewContextAsync("th-TH", signedInAs: DemoUsers.Administrator);
        var page = await thai.NewPageAsync();

        (await page.GotoAsync($"/agreements/{agreement}?asOf=2025-13-45"))!.Status.ShouldBe(400);

        await Assertions.Expect(page.GetByTestId("as-of-error")).ToContainTextAsync("ไม่ใช่วันที่");
    }
}
