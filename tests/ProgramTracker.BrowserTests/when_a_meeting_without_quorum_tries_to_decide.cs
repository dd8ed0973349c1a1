using System.Text.Json.Nodes;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>In Lao: the page warns while attendance is ticked, and the decision is refused with the quorum rule shown.</summary>
public sealed class when_a_meeting_without_quorum_tries_to_decide(BrowserFixture app) : BrowserTest(app)
{
    protected override string Locale => "lo-LA";

    protected override DemoUser? SignedInAs => DemoUsers.Chair;

    [Fact]
    public async Task the_decision_is_refused_in_lao_with_the_rule_and_nothing_typed_is_lost()
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);
        var meeting = await desk.ScheduledTodayAsync(App.Api);
        await Page.GotoAsync($"/committees/{desk.Committee}/meetings/{meeting}");

        await Page.Locator("#hold-attendees-0").CheckAsync();
        var quorum = Page.GetByTestId("quorum");
        await Assertions.Expect(quorum).ToHaveTextAsync("ບໍ່ຄົບອົງປະຊຸມ: ເຂົ້າຮ່ວມ 1 ຄົນ; ຕ້ອງການ 2 ໃນ 3 ສະມາຊິກທີ່ດຳລົງຕຳແໜ່ງ.");
        await Assertions.Expect(quorum).ToHaveAttributeAsync("data-reached", "false");
        await Page.Locator("#hold button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("done-notice")).ToHaveTextAsync("ບັນທຶກກອງປະຊຸມແລ້ວ.");
        await Assertions.Expect(Page.GetByTestId("no-quorum-warning")).ToBeVisibleAsync();
        var version = (await Committee(desk))["version"]!.GetValue<long>();

        const string text = "ຕົກລົງເລື່ອນການຝຶກອົບຮົມໄປເດືອນຕຸລາ";
        var decision = Page.Locator("#decision");
        await decision.Locator("#decision-text").FillAsync(text);
        await decision.Locator("#decision-votes\\.for").FillAsync("1");
        await decision.Locator("#decision-votes\\.against").FillAsync("0");
        await decision.Locator("#decision-votes\\.abstain").FillAsync("0");
        await decision.Locator("button[type=submit]").ClickAsync();

        var refusal = decision.Locator("#decision-quorum-error");
        await Assertions.Expect(refusal).ToBeVisibleAsync();
        await Assertions.Expect(refusal).ToHaveTextAsync(
            "ກອງປະຊຸມມີ 1 ໃນ 2 ສະມາຊິກທີ່ອົງປະຊຸມຕ້ອງການ (ສ່ວນຫຼາຍຂອງສະມາຊິກທີ່ດຳລົງຕຳແໜ່ງ), ຈຶ່ງບໍ່ສາມາດອອກມະຕິໄດ້.");
        await Assertions.Expect(decision.Locator("#decision-text")).ToHaveValueAsync(text);
        await Assertions.Expect(decision.Locator("#decision-votes\\.for")).ToHaveValueAsync("1");
        await Screenshot("meeting-without-quorum-lao");

        var record = JsonNode.Parse(await App.Api.GetStringAsync($"/api/committees/{desk.Committee}/meetings/{meeting}"))!;
        record["quorumReached"]!.GetValue<bool>().ShouldBeFalse();
        record["decisions"]!.AsArray().ShouldBeEmpty();
        (await Committee(desk))["version"]!.GetValue<long>().ShouldBe(version);
    }

    private async Task<JsonNode> Committee(MeetingDesk desk) =>
        JsonNode.Parse(await App.Api.GetStringAsync($"/api/committees/{desk.Committee}"))!;
}
