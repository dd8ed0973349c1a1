namespace ProgramTracker.BrowserTests;

public sealed class when_the_history_is_read(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_agreement_history_says_who_when_what_and_why()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        await Page.GotoAsync($"/agreements/{past.AgreementId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "History and changes" }).ClickAsync();

        var trail = Page.GetByTestId("history");
        await Assertions.Expect(trail.Locator("tbody tr")).ToHaveCountAsync(8);
        var slipped = trail.Locator("tr[data-type=MilestoneRescheduled]");
        await Assertions.Expect(slipped.Locator("td").Nth(0)).ToContainTextAsync("1 Jul 2024");
        await Assertions.Expect(slipped.Locator("td").Nth(1)).ToHaveTextAsync("secretariat");
        await Assertions.Expect(slipped.Locator("td").Nth(3)).ToHaveTextAsync("Venue under repair");
        await Screenshot("agreement-history");
    }

    [Fact]
    public async Task what_changed_between_two_dates_shows_the_milestone_before_and_after()
    {
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        await Page.GotoAsync($"/workstreams/{past.WorkstreamId}/history");

        await Page.GetByLabel("From").FillAsync("2024-06-01");
        await Page.GetByLabel("To (default today)").FillAsync("2024-07-31");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();

        var changes = Page.GetByTestId("changes");
        await Assertions.Expect(changes).ToContainTextAsync("1 Jun 2024");
        var row = changes.Locator($"tr[data-milestone-id='{past.ExhibitionMilestone}']");
        await Assertions.Expect(row.Locator("td").Nth(0)).ToContainTextAsync(EnglishDates.English(new DateOnly(2024, 9, 30)));
        await Assertions.Expect(row.Locator("td").Nth(1)).ToContainTextAsync("31 Dec 2024");
        await Assertions.Expect(changes.Locator($"tr[data-milestone-id='{past.TrainingMilestone}']")).ToHaveCountAsync(0);
        await Screenshot("workstream-changes");
    }
}
