using System.Globalization;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Journey 2 of the forms: the workstream's project officer plans milestones, defines an indicator, records a
/// measurement and an assessment, reschedules with a reason and sees the slip on the agreement's timeline; the API
/// then holds exactly that.
/// </summary>
public sealed class when_an_officer_plans_and_tracks_a_workstream_in_the_browser(BrowserFixture app) : BrowserTest(app)
{
    protected override DemoUser? SignedInAs => DemoUsers.Officer;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task milestones_indicator_measurement_assessment_and_slip_are_recorded_as_typed()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("TRACK"), new { en = "Cooperation in archives" });
        var workstreamId = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Digitised archives" });
        await App.Api.AssignedOfficer(workstreamId, DemoUsers.Officer.PersonId!, DemoUsers.Officer.Name);

        await Page.GotoAsync($"/workstreams/{workstreamId}");
        await Assertions.Expect(Page.Locator("section[aria-labelledby=milestones-heading] .empty")).ToContainTextAsync("No milestones planned yet.");
        await Assertions.Expect(Page.Locator("form#assign-officer")).ToHaveCountAsync(0);

        var due = Programme.Today.AddDays(30);
        var milestones = new List<Guid>();
        foreach (var (en, lo, weight) in new[] { ("Scanners installed", "ຕິດຕັ້ງເຄື່ອງສະແກນ", "2"), ("Catalogue online", "ລາຍການອອນລາຍ", "") })
        {
            await Page.Field("plan-milestone", "title.en").FillAsync(en);
            await Page.Field("plan-milestone", "title.lo").FillAsync(lo);
            await Page.Field("plan-milestone", "dueDate").FillAsync(Iso(due));
            await Page.Field("plan-milestone", "weight").FillAsync(weight);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Plan the milestone" }).ClickAsync();
            // The second write comes back to the page the first left (notice and all): wait for its row.
            await Assertions.Expect(Page.Locator("[data-testid=milestones] tbody tr")).ToHaveCountAsync(milestones.Count + 1, new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
            await Page.ExpectDone("The milestone is planned.");
            milestones.Add(Guid.Parse(new Uri(Page.Url).Fragment.Replace("#milestone-", "")));
        }
        milestones.Distinct().Count().ShouldBe(2);

        await Page.Field("define-indicator", "name.en").FillAsync("Archivists trained");
        await Page.Field("define-indicator", "unit").FillAsync("officials");
        await Page.Field("define-indicator", "period").SelectOptionAsync("quarterly");
        await Page.Field("define-indicator", "targetLow").FillAsync("20");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Define the indicator" }).ClickAsync();
        await Page.ExpectDone("The indicator is defined.");

        var measure = Page.Locator("form#record-measurement");
        await Assertions.Expect(measure.Locator("#record-measurement-period-hint")).ToContainTextAsync("2024-Q3");
        await Page.Field("record-measurement", "period").FillAsync("2025-Q1");
        await Page.Field("record-measurement", "value").FillAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the measurement" }).ClickAsync();
        await Page.ExpectDone("The measurement is recorded.");

        await Page.Locator("form#assess-status").GetByLabel("At risk").CheckAsync();
        await Page.Field("assess-status", "reason").FillAsync("The scanner vendor is late.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await Page.ExpectDone("The assessment is recorded.");

        var reschedule = Page.Locator("#reschedule-milestone");
        await reschedule.GetByLabel("Milestone", new() { Exact = true }).SelectOptionAsync(milestones[1].ToString());
        await reschedule.GetByLabel("New due date").FillAsync(Iso(due.AddDays(45)));
        await reschedule.GetByLabel("Reason (required)").FillAsync("Vendor late");
        await reschedule.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The milestone has a new due date.", new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });
        await Screenshot("journey2-workstream");

        await Page.GotoAsync($"/agreements/{agreement}");
        var late = Page.Locator($"[data-testid=timeline] .milestone[data-milestone-id='{milestones[1]}']");
        await Assertions.Expect(late).ToHaveAttributeAsync("data-variance", "45");
        await Assertions.Expect(late.Locator("line.slip--late")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator($"[data-testid=timeline] .milestone[data-milestone-id='{milestones[0]}'] line.slip--late")).ToHaveCountAsync(0);
        await Screenshot("journey2-timeline");

        var stored = await App.Api.Workstream(workstreamId);
        var planned = stored["milestones"]!.AsArray();
        planned.Count.ShouldBe(2);
        planned[0]!["title"]!["lo"]!.GetValue<string>().ShouldBe("ຕິດຕັ້ງເຄື່ອງສະແກນ");
        planned[0]!["weight"]!.GetValue<decimal>().ShouldBe(2m);
        planned[1]!["weight"]!.GetValue<decimal>().ShouldBe(1m);
        planned[1]!["baselineDueDate"]!.GetValue<string>().ShouldBe(Iso(due));
        planned[1]!["dueDate"]!.GetValue<string>().ShouldBe(Iso(due.AddDays(45)));
        var indicator = stored["indicators"]![0]!;
        indicator["period"]!.GetValue<string>().ShouldBe("quarterly");
        indicator["targetLow"]!.GetValue<decimal>().ShouldBe(20m);
        indicator["measurements"]![0]!["period"]!.GetValue<string>().ShouldBe("2025-Q1");
        indicator["measurements"]![0]!["value"]!.GetValue<decimal>().ShouldBe(12m);
        var assessment = stored["ragHistory"]![0]!;
        assessment["rating"]!.GetValue<string>().ShouldBe("amber");
        assessment["assessedBy"]!.GetValue<string>().ShouldBe(DemoUsers.Officer.Name);
    }
}
