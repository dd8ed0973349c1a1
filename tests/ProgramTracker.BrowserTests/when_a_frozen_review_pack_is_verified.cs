using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.BrowserTests;

public sealed class when_a_frozen_review_pack_is_verified(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_hash_printed_on_the_pack_still_matches_after_a_later_change()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        var frozen = await App.Api.PostAsJsonAsync($"/api/agreements/{past.AgreementId}/review-packs", new { });
        frozen.StatusCode.ShouldBe(HttpStatusCode.OK, await frozen.Content.ReadAsStringAsync());
        var sequence = JsonNode.Parse(await frozen.Content.ReadAsStringAsync())!["sequence"]!.GetValue<long>();

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{past.WorkstreamId}/milestones/{past.ExhibitionMilestone}/complete",
            new { completedOn = today })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Page.GotoAsync($"/agreements/{past.AgreementId}/review-pack");
        await Assertions.Expect(Page.GetByTestId("pack-seal")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("pack-sequence")).ToHaveTextAsync($"#{sequence}");
        var printed = (await Page.GetByTestId("pack-sha256").TextContentAsync())!.Trim();
        printed.ShouldMatch("^[0-9a-f]{64}$");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.GetByTestId("pack-sha256")).ToBeVisibleAsync();
        await Screenshot("review-pack-frozen-print");

        var verified = await App.Api.PostAsJsonAsync("/api/review-packs/verify", new { agreementId = past.AgreementId, packDate = today, sha256 = printed });
        var answer = JsonNode.Parse(await verified.Content.ReadAsStringAsync())!;
        verified.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToJsonString());
        answer["matches"]!.GetValue<bool>().ShouldBeTrue(answer.ToJsonString());
        answer["sequence"]!.GetValue<long>().ShouldBe(sequence);
    }

    [Fact]
    public async Task the_basis_is_chosen_next_to_the_date_with_the_keyboard_alone()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        await Page.GotoAsync($"/agreements/{past.AgreementId}");
        var card = Page.Locator($"[data-workstream-id='{past.WorkstreamId}']");

        // The training completion (30 March) was recorded on 2 April.
        await Page.GetByLabel("Show as of").FillAsync("2024-03-31");
        await Page.GetByLabel("Counted by").FocusAsync();
        await Assertions.Expect(Page.GetByTestId("as-of-basis")).ToHaveValueAsync("recorded");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("asOf=2024-03-31&basis=recorded"));
        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("0 of 2 milestones done");

        await Page.GetByLabel("Counted by").FocusAsync();
        await Page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(Page.GetByTestId("as-of-basis")).ToHaveValueAsync("effective");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("basis=effective"));
        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("1 of 2 milestones done");
        await Assertions.Expect(Page.GetByTestId("as-of-banner")).ToContainTextAsync("by the dates on the records");
        await Screenshot("agreement-as-of-effective");
    }
}
