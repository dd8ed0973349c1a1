namespace ProgramTracker.BrowserTests;

public sealed class when_an_agreement_is_read_in_lao(BrowserFixture app) : BrowserTest(app)
{
    protected override string Locale => "lo-LA";

    [Fact]
    public async Task its_workstreams_show_their_lao_titles_and_mark_the_ones_only_in_english()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("LAO"),
            new { en = "Digital transformation of the Party Central Office", lo = "ການຫັນເປັນດິຈິຕອນ ຫ້ອງວ່າການສູນກາງພັກ" });
        var documents = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Document management", lo = "ລະບົບຄຸ້ມຄອງເອກະສານ" });
        var training = await App.Api.OpenedWorkstream(agreement, "WS2", new { en = "Staff training" });
        await App.Api.PlannedMilestone(documents, new { en = "System installed", lo = "ຕິດຕັ້ງລະບົບ" }, Programme.Today.AddDays(-10));
        await App.Api.PlannedMilestone(documents, new { en = "Officials trained", lo = "ຝຶກອົບຮົມພະນັກງານ" }, Programme.Today.AddDays(200));
        await App.Api.PlannedMilestone(training, new { en = "Curriculum agreed" }, Programme.Today.AddDays(60));

        await Page.GotoAsync($"/agreements/{agreement}");

        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "lo");
        await Assertions.Expect(Page.Locator("h1 [lang=lo]")).ToHaveTextAsync("ການຫັນເປັນດິຈິຕອນ ຫ້ອງວ່າການສູນກາງພັກ");
        await Assertions.Expect(Page.Locator("#workstreams-heading")).ToHaveTextAsync("ວຽກງານ");

        var documentsCard = Page.Locator($"[data-workstream-id='{documents}']");
        await Assertions.Expect(documentsCard.Locator("h3 [lang=lo]")).ToHaveTextAsync("ລະບົບຄຸ້ມຄອງເອກະສານ");
        await Assertions.Expect(documentsCard.Locator("[data-figure=milestones]")).ToHaveTextAsync("ສຳເລັດ 0 ໃນ 2 ຈຸດໝາຍ");
        await Assertions.Expect(documentsCard.Locator("[data-figure=overdue]")).ToHaveTextAsync("ເກີນກຳນົດ 1");
        await Assertions.Expect(documentsCard.Locator("[data-rag]")).ToHaveAttributeAsync("data-rag", "amber");

        var trainingCard = Page.Locator($"[data-workstream-id='{training}']");
        await Assertions.Expect(trainingCard.Locator("h3 [lang=en]")).ToHaveTextAsync("Staff training");
        await Assertions.Expect(trainingCard.Locator("h3 abbr.fallback")).ToHaveAttributeAsync("title", "ບໍ່ມີເປັນພາສາລາວ; ສະແດງເປັນພາສາອັງກິດ");

        await Assertions.Expect(Page.Locator("[data-testid=timeline] .milestone")).ToHaveCountAsync(3);
        await Screenshot("agreement-lao");
    }

    [Fact]
    public async Task an_unknown_agreement_answers_404_with_a_page_in_lao()
    {
        var response = await Page.GotoAsync($"/agreements/{Guid.NewGuid()}");

        response!.Status.ShouldBe(404);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("ບໍ່ພົບລາຍການທີ່ມີລະຫັດນີ້.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "ບົດບັນທຶກທັງໝົດ" }).First).ToBeVisibleAsync();
    }
}
