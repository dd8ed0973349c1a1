using ProgramTracker.Api.SampleData;

namespace ProgramTracker.BrowserTests;

public sealed class when_the_sample_agreements_are_shown(BrowserFixture app) : BrowserTest(app)
{
    protected override string Locale => "lo-LA";

    [Fact]
    public async Task the_portfolio_lists_the_five_shipped_agreements()
    {
        await App.WaitForProjectionsAsync();
        // One page of 100 holds the samples beside every agreement the other browser tests register.
        await Page.GotoAsync("/?pageSize=100");

        foreach (var id in new[]
                 {
                     SampleIds.PartyOfficeMou, SampleIds.HomeAffairsMou2023, SampleIds.HomeAffairsMinutes2016,
                     SampleIds.ArchivesPlan2026, SampleIds.ForeignInformationMou,
                 })
        {
            await Assertions.Expect(Page.Locator($"[data-agreement-id='{id}']")).ToBeVisibleAsync();
        }
        await Screenshot("portfolio-sample-lao");
    }

    [Fact]
    public async Task the_party_office_agreement_shows_its_four_workstreams_in_lao()
    {
        await Page.GotoAsync($"/agreements/{SampleIds.PartyOfficeMou}");

        var cards = Page.Locator("[data-workstream-id]");
        await Assertions.Expect(cards).ToHaveCountAsync(4);
        await Assertions.Expect(Page.Locator($"[data-workstream-id='{SampleIds.PartyOfficeStaffCapacity}'] h3 [lang=lo]"))
            .ToHaveTextAsync("ຍົກລະດັບຄວາມຮູ້ຄວາມສາມາດຂອງພະນັກງານ-ລັດຖະກອນ");
        await Assertions.Expect(Page.Locator("h3 [lang=lo]")).ToHaveCountAsync(4);
        await Screenshot("agreement-party-office-lao");
    }
}
