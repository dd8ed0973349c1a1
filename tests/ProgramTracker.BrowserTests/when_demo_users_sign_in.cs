using System.Net.Http.Json;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>The quick start's development sign-in: visible, one click per demo user, and what each may do shows.</summary>
public sealed class when_demo_users_sign_in(BrowserFixture app) : BrowserTest(app)
{
    protected override DemoUser? SignedInAs => null;

    [Fact]
    public async Task a_visitor_is_offered_the_demo_users_and_each_sees_only_their_agreements()
    {
        await App.WaitForProjectionsAsync();
        await Page.GotoAsync("/");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await Assertions.Expect(Page.GetByTestId("development-sign-in")).ToBeVisibleAsync();
        foreach (var user in DemoUsers.All) await Assertions.Expect(Page.GetByTestId($"sign-in-{user.Key}")).ToBeVisibleAsync();
        await Screenshot("sign-in");

        await Page.GetByTestId("sign-in-officer").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{DemoUsers.Officer.Name} · Project officer");
        // The officer's own sample agreement, and whatever other tests sharing this app made them officer of: exactly
        // the agreements the API lists for them, and not one they hold no part in.
        await Assertions.Expect(Page.Locator($"[data-agreement-id='{SampleIds.PartyOfficeMou}']")).ToBeVisibleAsync();
        using (var officerApi = App.ApiAs(DemoUsers.Officer))
        {
            var listed = (await officerApi.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/agreements?pageSize=20"))!;
            var ids = listed["items"]!.AsArray().Select(i => i!["agreementId"]!.GetValue<string>()).ToHashSet();
            ids.ShouldContain(SampleIds.PartyOfficeMou.ToString());
            ids.ShouldNotContain(SampleIds.ArchivesPlan2026.ToString());
            var shown = await Page.Locator("[data-agreement-id]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.agreementId)");
            shown.ToHashSet().ShouldBe(ids, ignoreOrder: true);
        }

        await Page.GetByTestId("switch-user").ClickAsync();
        await Page.GetByTestId("sign-in-viewer").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync($"{DemoUsers.Viewer.Name} · Viewer");
        await Assertions.Expect(Page.Locator("[data-agreement-id]")).ToHaveCountAsync(2);
        await Screenshot("portfolio-as-viewer");

        // An agreement the viewer may not read does not exist for them: the not-found page, as for an unknown id.
        var hidden = await Page.GotoAsync($"/agreements/{SampleIds.ArchivesPlan2026}");
        hidden!.Status.ShouldBe(404);
        await Assertions.Expect(Page.GetByTestId("not-found")).ToBeVisibleAsync();

        await Page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        await Page.GotoAsync("/");
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
    }

    [Fact]
    public async Task the_chair_finds_their_seat_under_my_assignments_and_no_one_elses()
    {
        await using var chair = await App.NewContextAsync(signedInAs: DemoUsers.Chair);
        var page = await chair.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/people/{DemoUsers.Chair.PersonId}$"));
        await Assertions.Expect(page.GetByTestId("person-committees")).ToContainTextAsync("Chair");
        await Screenshot("my-assignments-as-chair", page);

        var someoneElse = await page.GotoAsync("/people/la-pco-thongsalith-mangnomek");
        someoneElse!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task the_workstream_forms_show_only_to_its_project_officer()
    {
        var workstream = SampleIds.PartyOfficeInfrastructure;

        await using var viewer = await App.NewContextAsync(signedInAs: DemoUsers.Viewer);
        var asViewer = await viewer.NewPageAsync();
        await asViewer.GotoAsync($"/workstreams/{workstream}");
        await Assertions.Expect(asViewer.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(asViewer.Locator("#complete-heading")).ToHaveCountAsync(0);
        await Screenshot("workstream-as-viewer", asViewer);

        await using var officer = await App.NewContextAsync(signedInAs: DemoUsers.Officer);
        var asOfficer = await officer.NewPageAsync();
        await asOfficer.GotoAsync($"/workstreams/{workstream}");
        await Assertions.Expect(asOfficer.Locator("#complete-heading")).ToBeVisibleAsync();
        await Assertions.Expect(asOfficer.GetByTestId("read-only")).ToHaveCountAsync(0);

        var hidden = await asOfficer.GotoAsync($"/workstreams/{SampleIds.HomeAffairsOrganisation}");
        hidden!.Status.ShouldBe(404);
        await Assertions.Expect(asOfficer.GetByTestId("not-found")).ToBeVisibleAsync();
    }
}
