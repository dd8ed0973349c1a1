using System.Net.Http.Json;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>axe-core over the committee and meeting pages with their forms, in every language, and with forms refused.</summary>
public sealed class when_committee_pages_are_checked_for_accessibility(BrowserFixture app) : BrowserTest(app)
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    [InlineData("lo-LA")]
    [InlineData("th-TH")]
    public async Task the_committee_and_meeting_pages_have_no_serious_violations(string locale)
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);
        var scheduled = await desk.ScheduledTodayAsync(App.Api);
        var held = await desk.ScheduledTodayAsync(App.Api);
        (await App.Api.PostAsJsonAsync($"/api/committees/{desk.Committee}/meetings/{held}/held",
            new { attendees = new[] { DemoUsers.Chair.PersonId } })).IsSuccessStatusCode.ShouldBeTrue();
        (await App.Api.PostAsJsonAsync($"/api/committees/{desk.Committee}/action-items",
            new { text = "Send the trainer list", personId = desk.Member, dueDate = Programme.Today.AddDays(3).ToString("yyyy-MM-dd") }))
            .IsSuccessStatusCode.ShouldBeTrue();

        await using var administrator = await App.NewContextAsync(locale, signedInAs: DemoUsers.Administrator);
        var page = await administrator.NewPageAsync();
        await page.GotoAsync($"/committees/{desk.Committee}");
        await page.ExpectNoSeriousViolations($"{locale} committee page with every form");
        await page.Locator("#appoint button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#appoint-personId-error")).ToBeVisibleAsync();
        await page.Locator("#update-item button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#update-item-note-error")).ToBeVisibleAsync();
        await page.ExpectNoSeriousViolations($"{locale} committee page with refused forms");

        await using var chair = await App.NewContextAsync(locale, signedInAs: DemoUsers.Chair);
        page = await chair.NewPageAsync();
        await page.GotoAsync($"/committees/{desk.Committee}/meetings/{scheduled}");
        await page.Locator("#hold-attendees-0").CheckAsync();
        await page.Locator("#hold [data-add-item]").ClickAsync();
        await page.ExpectNoSeriousViolations($"{locale} meeting page before it is held");

        await page.GotoAsync($"/committees/{desk.Committee}/meetings/{held}");
        await page.Locator("#decision-text").FillAsync("Hold the training in October");
        await page.Locator("#decision-consensus").CheckAsync();
        await page.Locator("#decision button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#decision-quorum-error")).ToBeVisibleAsync();
        await page.Locator("#assign button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#assign .field-error:not([hidden])").First).ToBeVisibleAsync();
        await page.ExpectNoSeriousViolations($"{locale} held meeting page with refused forms");

        await using var viewer = await App.NewContextAsync(locale, signedInAs: DemoUsers.Viewer);
        page = await viewer.NewPageAsync();
        await page.GotoAsync($"/committees/{CommitteeSampleData.HomeAffairsCommittee}/meetings/{CommitteeSampleData.HomeAffairsReviewMeeting}");
        await page.ExpectNoSeriousViolations($"{locale} meeting page read-only");
    }
}
