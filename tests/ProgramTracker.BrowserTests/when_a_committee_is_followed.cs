namespace ProgramTracker.BrowserTests;

public sealed class when_a_committee_is_followed(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task its_page_shows_roster_meetings_decisions_and_overdue_actions_and_the_minutes_print_on_a4()
    {
        var (agreement, committee, meeting, code) = await CommitteeWithWork();

        await Page.GotoAsync($"/agreements/{agreement}");
        await Page.GetByTestId("committees").GetByRole(AriaRole.Link, new() { Name = "Steering committee" }).ClickAsync();

        var roster = Page.GetByTestId("roster");
        await Assertions.Expect(roster.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(roster).ToContainTextAsync("Ms Vongsa");
        await Assertions.Expect(roster).ToContainTextAsync("Chair");
        // Parties by name in the page's language, not by id.
        await Assertions.Expect(roster.Locator($"td[data-party-id='{$"la-{code}".ToLowerInvariant()}']")).ToHaveTextAsync("LA · Party Central Office");
        await Assertions.Expect(Page.GetByTestId("meetings")).ToContainTextAsync("Adopt the 2025 workplan");
        var actions = Page.GetByTestId("action-items");
        await Assertions.Expect(actions.Locator("tr[data-overdue=true]")).ToContainTextAsync("Send the scanner specification");
        await Assertions.Expect(actions.Locator("tr[data-overdue=false]")).ToContainTextAsync("Draft the training plan");
        await Assertions.Expect(Page.Locator("[data-figure=actions]")).ToHaveTextAsync("2 open, 1 overdue");
        await Screenshot("committee");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Minutes (printable)" }).ClickAsync();
        var minutes = Page.GetByTestId("minutes");
        await Assertions.Expect(minutes).ToContainTextAsync("Adopt the 2025 workplan");
        await Assertions.Expect(minutes).ToContainTextAsync("Mr Nguyen");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(minutes).ToBeVisibleAsync();
        var pdf = await Page.PdfAsync(new() { Format = "A4" });
        pdf.Length.ShouldBeGreaterThan(1000);
        await Screenshot("committee-minutes-print");
    }

    [Fact]
    public async Task an_administrator_opens_a_persons_assignments_with_their_committees_and_actions()
    {
        var (_, _, _, code) = await CommitteeWithWork();

        await Page.GotoAsync($"/people/vongsa-{code}".ToLowerInvariant());

        await Assertions.Expect(Page.GetByTestId("person-committees")).ToContainTextAsync("Steering committee");
        await Assertions.Expect(Page.GetByTestId("person-committees")).ToContainTextAsync("Chair");
        await Assertions.Expect(Page.GetByTestId("person-actions").Locator("tr[data-overdue=true]")).ToContainTextAsync("Send the scanner specification");
        await Screenshot("my-assignments");
    }

    private async Task<(Guid Agreement, Guid Committee, Guid Meeting, string Code)> CommitteeWithWork()
    {
        var code = Programme.UniqueCode("CTTE");
        var agreement = await App.Api.RegisteredAgreement(code, new { en = "Archives cooperation" });
        var committee = await App.Api.EstablishedCommittee(agreement, "Steering committee");
        var (chair, member) = ($"vongsa-{code}".ToLowerInvariant(), $"nguyen-{code}".ToLowerInvariant());
        await App.Api.Appointed(committee, chair, "Ms Vongsa", "chair", $"la-{code}".ToLowerInvariant());
        await App.Api.Appointed(committee, member, "Mr Nguyen", "member", $"vn-{code}".ToLowerInvariant());
        var meeting = await App.Api.HeldMeeting(committee, Programme.Today.AddDays(-30), chair, member);
        await App.Api.Decided(committee, meeting, "Adopt the 2025 workplan");
        await App.Api.ActionAssigned(committee, "Send the scanner specification", chair, Programme.Today.AddDays(-5), Programme.Today.AddDays(-30));
        await App.Api.ActionAssigned(committee, "Draft the training plan", member, Programme.Today.AddDays(20), Programme.Today.AddDays(-30));
        return (agreement, committee, meeting, code);
    }
}
