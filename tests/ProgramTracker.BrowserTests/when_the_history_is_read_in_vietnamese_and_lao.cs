using System.Globalization;
using System.Net.Http.Json;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

public sealed class when_the_history_is_read_in_vietnamese_and_lao(BrowserFixture app) : BrowserTest(app)
{
    protected override string Locale => "vi-VN";

    [Fact]
    public async Task what_happened_is_told_in_vietnamese_with_titles_in_vietnamese()
    {
        var (workstream, milestone) = await BlockedMilestone(new { en = "Scanners installed", vi = "Lắp đặt máy quét", lo = "ຕິດຕັ້ງເຄື່ອງສະແກນ" });

        await Page.GotoAsync($"/workstreams/{workstream}/history");

        var blocked = Page.GetByTestId("history").Locator("tr[data-type=MilestoneBlocked] td").Nth(2);
        var day = Programme.Today.ToString("d", CultureInfo.GetCultureInfo("vi"));
        await Assertions.Expect(blocked).ToHaveTextAsync($"Mốc Lắp đặt máy quét bị vướng từ ngày {day}.");
        await Assertions.Expect(blocked.Locator("q [lang=vi]")).ToHaveTextAsync("Lắp đặt máy quét");
        await Assertions.Expect(Page.GetByTestId("history").Locator("tr[data-type=MilestoneBlocked] td").Nth(3)).ToHaveTextAsync("Chưa có máy quét");
        await Assertions.Expect(Page.GetByTestId("history").Locator("tr[data-type=MilestoneStarted]")).ToContainTextAsync("bắt đầu ngày");
        await Screenshot("workstream-history-vietnamese");
    }

    [Fact]
    public async Task in_lao_a_title_with_no_lao_text_falls_back_with_its_marker()
    {
        var (workstream, _) = await BlockedMilestone(new { en = "Scanners installed" });
        await using var lao = await App.NewContextAsync("lo-LA", signedInAs: DemoUsers.Administrator);
        var page = await lao.NewPageAsync();

        await page.GotoAsync($"/workstreams/{workstream}/history");

        var blocked = page.GetByTestId("history").Locator("tr[data-type=MilestoneBlocked] td").Nth(2);
        await Assertions.Expect(blocked).ToContainTextAsync("ຕິດຂັດແຕ່ວັນທີ");
        await Assertions.Expect(blocked.Locator("q [lang=en]")).ToHaveTextAsync("Scanners installed");
        await Assertions.Expect(blocked.Locator("abbr.fallback")).ToContainTextAsync("EN");
        await Screenshot("workstream-history-lao", page);

        // The API keeps telling it in English, as before.
        var history = await App.Api.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/workstreams/{workstream}/history");
        history!.Single(e => e!["type"]!.GetValue<string>() == "MilestoneBlocked")!["summary"]!.GetValue<string>()
            .ShouldBe($"Milestone 'Scanners installed' blocked on {Programme.Today:yyyy-MM-dd}.");
    }

    private async Task<(Guid Workstream, Guid Milestone)> BlockedMilestone(object title)
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("HIST"), new { en = "Cooperation in archives", vi = "Hợp tác về lưu trữ" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Archives", vi = "Lưu trữ" });
        var milestone = await App.Api.PlannedMilestone(workstream, title, Programme.Today.AddDays(20));
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones/{milestone}/start", new { })).EnsureSuccessStatusCode();
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones/{milestone}/block", new { reason = "Chưa có máy quét" }))
            .EnsureSuccessStatusCode();
        return (workstream, milestone);
    }
}
