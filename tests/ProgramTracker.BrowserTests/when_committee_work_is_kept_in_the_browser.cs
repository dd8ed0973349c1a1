using System.Globalization;
using System.Text.Json.Nodes;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

public sealed class when_committee_work_is_kept_in_the_browser(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task an_administrator_appoints_and_relieves_members_and_a_second_chair_is_refused_next_to_the_role()
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);
        var secretary = $"keo-{desk.Code}".ToLowerInvariant();
        await Page.GotoAsync($"/committees/{desk.Committee}");

        var appoint = Page.Locator("#appoint");
        await appoint.GetByLabel("Person id (as they sign in)").FillAsync(secretary);
        await appoint.GetByLabel("Name").FillAsync("Mr Keo");
        await appoint.GetByLabel("Role").SelectOptionAsync("Chair");
        await appoint.GetByLabel("Sits for").SelectOptionAsync($"la-{desk.Code}".ToLowerInvariant());
        await appoint.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();

        var roleError = Page.Locator("#appoint-role-error");
        await Assertions.Expect(roleError).ToHaveTextAsync("The committee has a chair; relieve them before appointing another.");
        await Assertions.Expect(appoint.GetByLabel("Role")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(appoint.GetByLabel("Name")).ToHaveValueAsync("Mr Keo");

        await appoint.GetByLabel("Role").SelectOptionAsync("Secretary");
        await appoint.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("done-notice")).ToHaveTextAsync("The member is appointed.");
        await Assertions.Expect(Page.GetByTestId("roster")).ToContainTextAsync("Mr Keo");

        var relieve = Page.Locator("#relieve");
        await relieve.GetByLabel("Member and seat").SelectOptionAsync(desk.Other);
        await relieve.GetByLabel("Reason").FillAsync("Moved to the provincial office");
        await relieve.GetByRole(AriaRole.Button, new() { Name = "Relieve" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("done-notice")).ToHaveTextAsync("The member is relieved.");
        await Assertions.Expect(Page.GetByTestId("roster")).Not.ToContainTextAsync("Ms Vongsa");

        var roster = JsonNode.Parse(await App.Api.GetStringAsync($"/api/committees/{desk.Committee}"))!;
        var current = roster["currentMembers"]!.AsArray().Select(m => m!["personId"]!.GetValue<string>()).ToList();
        current.ShouldContain(secretary);
        current.ShouldNotContain(desk.Other);
        roster["currentMembers"]!.AsArray().Single(m => m!["personId"]!.GetValue<string>() == secretary)!["role"]!.GetValue<string>().ShouldBe("secretary");
        roster["pastMembers"]!.AsArray().ShouldHaveSingleItem()!["relievedReason"]!.GetValue<string>().ShouldBe("Moved to the provincial office");
    }

    [Fact]
    public async Task a_member_assigns_updates_completes_and_drops_action_items()
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);
        await using var chair = await App.NewContextAsync(signedInAs: DemoUsers.Chair);
        var page = await chair.NewPageAsync();
        await page.GotoAsync($"/committees/{desk.Committee}");

        foreach (var text in new[] { "Send the trainer list", "Draft the invitation" })
        {
            var assign = page.Locator("#assign");
            await assign.GetByLabel("Action").FillAsync(text);
            await assign.GetByLabel("Assigned to").SelectOptionAsync(desk.Member);
            await assign.GetByLabel("Due on").FillAsync(Iso(Programme.Today.AddDays(10)));
            await assign.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("The action item is assigned.");
            // The notice of the first assignment is still on the page while the second is sent: wait for the item itself.
            await Assertions.Expect(page.GetByTestId("action-items")).ToContainTextAsync(text);
        }
        var items = await Items(desk);
        var (first, second) = (items.Single(i => i.Text == "Send the trainer list").Id, items.Single(i => i.Text == "Draft the invitation").Id);

        var update = page.Locator("#update-item");
        await update.GetByLabel("Action item").SelectOptionAsync(first.ToString());
        await update.GetByLabel("New due date (optional)").FillAsync(Iso(Programme.Today.AddDays(20)));
        await update.GetByRole(AriaRole.Button, new() { Name = "Record the update" }).ClickAsync();
        await Assertions.Expect(page.Locator("#update-item-note-error")).ToHaveTextAsync("This is required.");
        await update.GetByLabel("Progress note").FillAsync("Two trainers confirmed");
        await update.GetByRole(AriaRole.Button, new() { Name = "Record the update" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("The action item is updated.");

        var complete = page.Locator("#complete-item");
        await complete.GetByLabel("Action item").SelectOptionAsync(first.ToString());
        await complete.GetByRole(AriaRole.Button, new() { Name = "Record completion" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("The action item is completed.");

        var drop = page.Locator("#drop-item");
        await drop.GetByLabel("Action item").SelectOptionAsync(second.ToString());
        await drop.GetByLabel("Reason").FillAsync("The invitation goes out with the agenda");
        await drop.GetByRole(AriaRole.Button, new() { Name = "Drop it" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-notice")).ToHaveTextAsync("The action item is dropped.");
        await Assertions.Expect(page.GetByTestId("action-items")).ToHaveCountAsync(0);

        var after = await Items(desk);
        var done = after.Single(i => i.Id == first);
        done.Status.ShouldBe("completed");
        done.Node["lastNote"]!.GetValue<string>().ShouldBe("Two trainers confirmed");
        done.Node["dueDate"]!.GetValue<string>().ShouldBe(Iso(Programme.Today.AddDays(20)));
        var dropped = after.Single(i => i.Id == second);
        dropped.Status.ShouldBe("dropped");
        dropped.Node["closedReason"]!.GetValue<string>().ShouldBe("The invitation goes out with the agenda");
    }

    [Fact]
    public async Task a_reader_sees_the_committee_and_its_meeting_without_forms_and_no_committee_they_may_not_read()
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);
        await using var viewer = await App.NewContextAsync(signedInAs: DemoUsers.Viewer);
        var page = await viewer.NewPageAsync();

        foreach (var url in new[]
        {
            $"/committees/{CommitteeSampleData.HomeAffairsCommittee}",
            $"/committees/{CommitteeSampleData.HomeAffairsCommittee}/meetings/{CommitteeSampleData.HomeAffairsReviewMeeting}",
        })
        {
            (await page.GotoAsync(url))!.Status.ShouldBe(200, url);
            await Assertions.Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("form[data-api-form]")).ToHaveCountAsync(0);
        }
        await Assertions.Expect(page.GetByTestId("agenda").Locator(".workstream-card")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("reviews").Locator("li")).ToHaveCountAsync(2);

        // A committee of an agreement the viewer may not read is not found, as the API says (404 with the not-found page).
        (await page.GotoAsync($"/committees/{desk.Committee}"))!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("roster")).ToHaveCountAsync(0);
    }

    private async Task<List<(Guid Id, string Text, string Status, JsonNode Node)>> Items(MeetingDesk desk) =>
        [.. JsonNode.Parse(await App.Api.GetStringAsync($"/api/committees/{desk.Committee}/action-items"))!.AsArray()
            .Select(i => (i!["id"]!.GetValue<Guid>(), i["text"]!.GetValue<string>(), i["status"]!.GetValue<string>(), i))];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
