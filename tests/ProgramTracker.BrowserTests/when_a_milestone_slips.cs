using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.BrowserTests;

public sealed class when_a_milestone_slips(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task the_timeline_draws_its_baseline_and_current_due_date_apart_and_says_by_how_much()
    {
        var agreement = await App.Api.RegisteredAgreement(Programme.UniqueCode("SLIP"), new { en = "Archives cooperation" });
        var workstream = await App.Api.OpenedWorkstream(agreement, "WS1", new { en = "Digitised archives" });
        var baseline = Programme.Today.AddDays(30);
        var slipped = await App.Api.PlannedMilestone(workstream, new { en = "Catalogue online" }, baseline);
        var onTime = await App.Api.PlannedMilestone(workstream, new { en = "Scanners installed" }, baseline);
        // Rescheduling comes with the workstream write capability; until then the event goes in directly.
        await using (var session = App.Store.LightweightSession())
        {
            session.Events.Append(workstream, new MilestoneRescheduled(workstream, agreement, slipped, baseline, baseline.AddDays(45), "Vendor late"));
            await session.SaveChangesAsync();
        }

        await Page.GotoAsync($"/agreements/{agreement}");

        var late = Page.Locator($"[data-testid=timeline] .milestone[data-milestone-id='{slipped}']");
        await Assertions.Expect(late).ToHaveAttributeAsync("data-variance", "45");
        await Assertions.Expect(late.Locator("line.slip--late")).ToHaveCountAsync(1);
        await Assertions.Expect(late.Locator("title")).ToContainTextAsync("slipped 45 days");
        var marks = await late.Locator("polygon").EvaluateAllAsync<double[]>("ps => ps.map(p => p.getBBox().x)");
        marks[1].ShouldBeGreaterThan(marks[0], "the current due date is drawn right of the baseline");

        var steady = Page.Locator($"[data-testid=timeline] .milestone[data-milestone-id='{onTime}']");
        await Assertions.Expect(steady.Locator("line.slip--late")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator($"[data-workstream-id='{workstream}'] [data-rag]")).ToHaveAttributeAsync("data-rag", "amber");
        await Screenshot("agreement-timeline-slipped");
    }
}
