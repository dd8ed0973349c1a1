namespace ProgramTracker.BrowserTests;

public sealed class when_an_agreement_is_seen_as_it_stood(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_as_of_picker_shows_the_earlier_state_under_a_banner()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        await Page.GotoAsync($"/agreements/{past.AgreementId}");
        var card = Page.Locator($"[data-workstream-id='{past.WorkstreamId}']");
        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("1 of 2 milestones done");
        await Assertions.Expect(Page.GetByTestId("as-of-banner")).ToHaveCountAsync(0);

        await Page.GetByLabel("Show as of").FillAsync("2024-02-15");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("asOf=2024-02-15"));
        await Assertions.Expect(Page.GetByTestId("as-of-banner")).ToContainTextAsync("15 Feb 2024");
        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("0 of 2 milestones done");
        await Assertions.Expect(Page.GetByTestId("live")).ToHaveCountAsync(0);
        await Screenshot("agreement-as-of");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to today" }).First.ClickAsync();
        await Assertions.Expect(card.Locator("[data-figure=milestones]")).ToHaveTextAsync("1 of 2 milestones done");
    }

    [Fact]
    public async Task the_workstream_page_shows_the_due_date_before_it_slipped_and_offers_no_forms()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        var row = Page.Locator($"tr[data-milestone-id='{past.ExhibitionMilestone}']");

        await Page.GotoAsync($"/workstreams/{past.WorkstreamId}");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("31 Dec 2024");
        await Assertions.Expect(Page.Locator("form.milestone-form")).ToHaveCountAsync(6);

        await Page.GotoAsync($"/workstreams/{past.WorkstreamId}?asOf=2024-05-01");
        await Assertions.Expect(Page.GetByTestId("as-of-banner")).ToContainTextAsync("1 May 2024");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(EnglishDates.English(new DateOnly(2024, 9, 30)));
        await Assertions.Expect(Page.Locator($"tr[data-milestone-id='{past.TrainingMilestone}']")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(Page.Locator("form.milestone-form")).ToHaveCountAsync(0);
        await Screenshot("workstream-as-of");
    }
}
