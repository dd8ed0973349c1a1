using System.Net.Http.Json;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// axe-core on every page a person uses, in each of the four languages, as the administrator (who sees every form):
/// no serious or critical violation. Each form's error state is checked in <see cref="when_a_form_is_refused"/>.
/// </summary>
public sealed class when_every_page_is_checked_for_accessibility(BrowserFixture app) : BrowserTest(app)
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    [InlineData("lo-LA")]
    [InlineData("th-TH")]
    public async Task no_page_has_a_serious_violation(string locale)
    {
        var (agreement, workstream, committee, meeting) = await Programme();
        var past = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true, recordedBy: "secretariat");
        (await App.Api.PostAsJsonAsync($"/api/agreements/{past.AgreementId}/review-packs", new { packDate = "2024-06-30" })).EnsureSuccessStatusCode();
        var signedOff = await SignOffProgramme.PendingSubmission(App, "AXS");
        (await App.Api.PostAsJsonAsync($"/api/agreements/{signedOff.Agreement}/periods/close", new { period = "2024" })).EnsureSuccessStatusCode();
        var mail = await when_notification_preferences_are_changed_with_the_keyboard.MailInTheOutboxAsync(App);
        await using var context = await App.NewContextAsync(locale, signedInAs: DemoUsers.Administrator);
        var page = await context.NewPageAsync();

        string[] pages =
        [
            "/", "/agreements/register",
            $"/agreements/{agreement}", $"/agreements/{agreement}/history", $"/agreements/{agreement}/review-pack",
            $"/workstreams/{workstream}", $"/workstreams/{workstream}/history",
            $"/committees/{committee}", $"/committees/{committee}/meetings/{meeting}/minutes",
            $"/people/{DemoUsers.Chair.PersonId}", "/sign-in",
            $"/agreements/{past.AgreementId}?asOf=2024-05-01", $"/workstreams/{past.WorkstreamId}?asOf=2024-05-01",
            $"/agreements/{past.AgreementId}?asOf=2024-05-01&basis=effective", $"/agreements/{past.AgreementId}/review-pack?packDate=2024-06-30",
            $"/agreements/{SampleIds.PartyOfficeMou}",
            "/reviews", $"/workstreams/{signedOff.Workstream}",
            "/admin/webhooks",
            $"/workstreams/{SampleIds.PartyOfficeInfrastructure}", $"/agreements/{SampleIds.PartyOfficeMou}/review-pack",
            "/me/notifications", "/admin/people", "/admin/outbox", $"/admin/outbox/{mail}",
            $"/agreements/{signedOff.Agreement}", $"/agreements/{signedOff.Agreement}/review-pack",
            $"/agreements/{past.AgreementId}/history?from=2024-03-01&to=2024-03-31&basis=effective",
            $"/workstreams/{past.WorkstreamId}/history?from=2024-03-01&to=2024-03-31&basis=effective",
            $"/committees/{committee}?asOf=2024-01-31",
            $"/committees/{committee}?asOf=2024-01-31&basis=recorded",
        ];
        foreach (var url in pages)
        {
            var response = await page.GotoAsync(url);
            response!.Ok.ShouldBeTrue($"{url} answered {response.Status}");
            await page.ExpectNoSeriousViolations($"{locale} {url}");
        }

        // A viewer's pages have no forms: the read-only banner is checked as well.
        await using var viewer = await App.NewContextAsync(locale, signedInAs: DemoUsers.Viewer);
        var read = await viewer.NewPageAsync();
        await read.GotoAsync($"/workstreams/{SampleIds.PartyOfficeInfrastructure}");
        await Assertions.Expect(read.GetByTestId("read-only")).ToBeVisibleAsync();
        await read.ExpectNoSeriousViolations($"{locale} viewer's workstream");
    }

    private async Task<(Guid Agreement, Guid Workstream, Guid Committee, Guid Meeting)> Programme()
    {
        var agreement = await App.Api.RegisteredAgreement(ProgramTracker.BrowserTests.Programme.UniqueCode("AXE"), new { en = "Cooperation checked for accessibility", lo = "ການຮ່ວມມື" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Shared data centre" });
        var milestone = await App.Api.PlannedMilestone(workstream, new { en = "Racks installed" }, ProgramTracker.BrowserTests.Programme.Today.AddDays(30));
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones/{milestone}/progress", new { percent = 40, narrative = "Half the racks" }))
            .EnsureSuccessStatusCode();
        await App.Api.AssignedOfficer(workstream, "axe-officer", "Officer Axe");
        var indicator = await Created(await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/indicators",
            new { name = new { en = "Ministries connected" }, unit = "ministries", targetLow = 10, targetHigh = 12, period = "annual" }));
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/indicators/{indicator}/measurements",
            new { value = 11, period = "2025", measuredOn = ProgramTracker.BrowserTests.Programme.Today.AddDays(-1).ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();
        (await App.Api.PostAsJsonAsync($"/api/workstreams/{workstream}/assessments", new { rating = "amber", reason = "Vendor late" })).EnsureSuccessStatusCode();
        var committee = await Created(await App.Api.PostAsJsonAsync($"/api/agreements/{agreement}/committees",
            new { name = new { en = "Joint committee" }, mandate = new { en = "Reviews the work" }, establishedOn = "2024-01-01", quorum = new { kind = "majority" } }));
        var meeting = await Created(await App.Api.PostAsJsonAsync($"/api/committees/{committee}/meetings",
            new { scheduledOn = ProgramTracker.BrowserTests.Programme.Today.AddDays(-2).ToString("yyyy-MM-dd"), agenda = new[] { workstream } }));
        (await App.Api.PostAsJsonAsync($"/api/committees/{committee}/meetings/{meeting}/held", new { attendees = Array.Empty<string>() })).EnsureSuccessStatusCode();
        return (agreement, workstream, committee, meeting);
    }

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }
}
