using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// The demo chair runs a meeting of a committee they chair from the browser alone, and everything it recorded is
/// then read back from the API.
/// </summary>
public sealed class when_the_chair_runs_a_meeting(BrowserFixture app) : BrowserTest(app)
{
    protected override DemoUser? SignedInAs => DemoUsers.Chair;

    [Fact]
    public async Task they_schedule_hold_review_decide_assign_and_print_and_the_action_shows_on_their_assignments()
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);

        await Page.GotoAsync($"/committees/{desk.Committee}");
        await Assertions.Expect(Page.GetByTestId("members-admin-only")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#appoint")).ToHaveCountAsync(0);

        var schedule = Page.Locator("#schedule");
        await schedule.GetByLabel("Meeting date").FillAsync(Iso(Programme.Today));
        await schedule.GetByLabel("Place (optional)").FillAsync("Vientiane");
        await schedule.GetByLabel($"{desk.Code}-TRAIN · Staff training").CheckAsync();
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("done-notice")).ToHaveTextAsync("The meeting is scheduled.");
        await Assertions.Expect(Page.GetByTestId("agenda").Locator($"[data-workstream-id='{desk.Training}']")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("agenda").Locator($"[data-workstream-id='{desk.Archives}']")).ToHaveCountAsync(0);
        var meeting = Guid.Parse(Page.Url.Split('/', '?')[^2]);

        var quorum = Page.GetByTestId("quorum");
        await Assertions.Expect(quorum).ToHaveTextAsync("No quorum: 0 present; 2 of the 3 members in office needed.");
        await Page.GetByLabel("Demo chair (Party Office committee) (Chair)").CheckAsync();
        await Assertions.Expect(quorum).ToHaveTextAsync("No quorum: 1 present; 2 of the 3 members in office needed.");
        await Page.GetByLabel("Mr Nguyen (Member)").CheckAsync();
        await Assertions.Expect(quorum).ToHaveTextAsync("Quorum reached: 2 present; 2 of the 3 members in office needed.");
        await Assertions.Expect(quorum).ToHaveAttributeAsync("data-reached", "true");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a guest" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Guest 1")).ToBeFocusedAsync();
        await Page.GetByLabel("Guest 1").FillAsync("Ms Lattana (UNDP)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record as held" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("done-notice")).ToHaveTextAsync("The meeting is recorded as held.");
        await Assertions.Expect(Page.GetByTestId("attendance")).ToContainTextAsync("Ms Lattana (UNDP)");
        await Assertions.Expect(Page.GetByTestId("quorum-result")).ToHaveAttributeAsync("data-quorum-reached", "true");

        var review = Page.Locator($"section[data-workstream-id='{desk.Training}']");
        await review.GetByLabel("Rating").SelectOptionAsync("amber");
        await review.GetByLabel("Comments").FillAsync("The trainers start late; training moves to October.");
        await review.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("reviews")).ToContainTextAsync("training moves to October");

        var decision = Page.Locator("#decision");
        await decision.GetByLabel("Decision", new() { Exact = true }).FillAsync("Hold the training in October");
        await decision.GetByLabel($"{desk.Code}-TRAIN · Staff training").CheckAsync();
        await decision.GetByLabel("Decided by consensus").CheckAsync();
        await decision.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("decisions")).ToContainTextAsync("Hold the training in October");

        var assign = Page.Locator("#assign");
        await assign.GetByLabel("Action").FillAsync("Book the October trainers");
        await assign.GetByLabel("Assigned to").SelectOptionAsync(DemoUsers.Chair.PersonId!);
        await assign.GetByLabel("Workstream (optional)").SelectOptionAsync(desk.Training.ToString());
        await assign.GetByLabel("Due on").FillAsync(Iso(Programme.Today.AddDays(14)));
        await assign.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("meeting-action-items")).ToContainTextAsync("Book the October trainers");
        await Screenshot("meeting-run-by-the-chair");

        await Page.GetByTestId("minutes-link").ClickAsync();
        var minutes = Page.GetByTestId("minutes");
        await Assertions.Expect(minutes).ToContainTextAsync("Hold the training in October");
        await Assertions.Expect(minutes).ToContainTextAsync("Book the October trainers");
        await Assertions.Expect(minutes).ToContainTextAsync("Mr Nguyen");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        (await Page.PdfAsync(new() { Format = "A4" })).Length.ShouldBeGreaterThan(1000);
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        await Page.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("person-actions")).ToContainTextAsync("Book the October trainers");

        var record = JsonNode.Parse(await App.Api.GetStringAsync($"/api/committees/{desk.Committee}/meetings/{meeting}"))!;
        record["status"]!.GetValue<string>().ShouldBe("held");
        record["quorumReached"]!.GetValue<bool>().ShouldBeTrue();
        record["attendees"]!.AsArray().Select(a => a!["personId"]!.GetValue<string>()).ShouldBe([DemoUsers.Chair.PersonId!, desk.Member], ignoreOrder: true);
        record["guests"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["Ms Lattana (UNDP)"]);
        record["agenda"]!.AsArray().ShouldHaveSingleItem()!["workstreamId"]!.GetValue<Guid>().ShouldBe(desk.Training);
        record["reviews"]!.AsArray().ShouldHaveSingleItem()!["rating"]!.GetValue<string>().ShouldBe("amber");
        var decided = record["decisions"]!.AsArray().ShouldHaveSingleItem()!;
        decided["consensus"]!.GetValue<bool>().ShouldBeTrue();
        decided["workstreamsAffected"]!.AsArray().ShouldHaveSingleItem()!["workstreamId"]!.GetValue<Guid>().ShouldBe(desk.Training);
        var action = record["actionItems"]!.AsArray().ShouldHaveSingleItem()!;
        action["personId"]!.GetValue<string>().ShouldBe(DemoUsers.Chair.PersonId);
        action["dueDate"]!.GetValue<string>().ShouldBe(Iso(Programme.Today.AddDays(14)));
        (await App.Api.Workstream(desk.Training))["currentRag"]!.GetValue<string>().ShouldBe("amber");
    }

    [Fact]
    public async Task the_meeting_page_is_held_with_the_keyboard_alone()
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);
        var meeting = await desk.ScheduledTodayAsync(App.Api);
        await Page.GotoAsync($"/committees/{desk.Committee}/meetings/{meeting}");

        await TabTo("#hold-attendees-0");
        await Page.Keyboard.PressAsync("Space");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator("#hold-attendees-1")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Page.GetByTestId("quorum")).ToHaveAttributeAsync("data-reached", "true");
        await TabTo("#hold button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Page.GetByTestId("done-notice")).ToHaveTextAsync("The meeting is recorded as held.");
        var record = JsonNode.Parse(await App.Api.GetStringAsync($"/api/committees/{desk.Committee}/meetings/{meeting}"))!;
        record["attendees"]!.AsArray().Count.ShouldBe(2);
        record["quorumReached"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task the_meeting_page_fits_a_375_pixel_phone()
    {
        var desk = await MeetingDesk.CommitteeOfThreeAsync(App.Api);
        var meeting = await desk.ScheduledTodayAsync(App.Api);
        await using var phone = await App.NewContextAsync(phone: true, signedInAs: DemoUsers.Chair);
        var page = await phone.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);

        foreach (var url in new[] { $"/committees/{desk.Committee}/meetings/{meeting}", $"/committees/{desk.Committee}" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("form[data-api-form]").First).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, url);
        }
        await page.GotoAsync($"/committees/{desk.Committee}/meetings/{meeting}");
        await Screenshot("meeting-375px", page);
    }

    private async Task TabTo(string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await Page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector)) return;
        }
        throw new ShouldAssertException($"Tab never reached {selector}.");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A committee of three the demo chair chairs, on an agreement with two workstreams, set up through the API.</summary>
public sealed record MeetingDesk(string Code, Guid Agreement, Guid Committee, Guid Training, Guid Archives, string Member, string Other)
{
    public static async Task<MeetingDesk> CommitteeOfThreeAsync(HttpClient api)
    {
        var code = Programme.UniqueCode("MEET");
        var agreement = await api.RegisteredAgreement(code, new { en = "Cooperation in staff training", lo = "ການຮ່ວມມືດ້ານການຝຶກອົບຮົມພະນັກງານ" });
        var training = await api.OpenedWorkstream(agreement, $"{code}-TRAIN", new { en = "Staff training", lo = "ການຝຶກອົບຮົມພະນັກງານ" });
        var archives = await api.OpenedWorkstream(agreement, $"{code}-ARCH", new { en = "Archives", lo = "ເອກະສານສຳຄັນ" });
        await api.PlannedMilestone(training, new { en = "20 officials trained" }, Programme.Today.AddDays(40));
        var committee = await api.EstablishedCommittee(agreement, "Steering committee");
        var (member, other) = ($"nguyen-{code}".ToLowerInvariant(), $"vongsa-{code}".ToLowerInvariant());
        await api.Appointed(committee, DemoUsers.Chair.PersonId!, DemoUsers.Chair.Name, "chair", $"la-{code}".ToLowerInvariant());
        await api.Appointed(committee, member, "Mr Nguyen", "member", $"vn-{code}".ToLowerInvariant());
        await api.Appointed(committee, other, "Ms Vongsa", "member", $"la-{code}".ToLowerInvariant());
        return new MeetingDesk(code, agreement, committee, training, archives, member, other);
    }

    public async Task<Guid> ScheduledTodayAsync(HttpClient api)
    {
        var response = await api.PostAsJsonAsync($"/api/committees/{Committee}/meetings",
            new { scheduledOn = Programme.Today.ToString("yyyy-MM-dd"), agenda = new[] { Training }, location = "Vientiane" });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }
}
