using System.Net;
using System.Net.Http.Json;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.ReviewPacks;

/// <summary>
/// History2024 with its first quarter closed; today the exhibition milestone is recorded, as a correction of that
/// closed quarter, as completed on 15 March 2024. "As effective on" 31 March counts the completion and its
/// correction; "as recorded by" 31 March knows of neither. Today both count, and the correction shows as one.
/// </summary>
public class when_a_closed_period_is_corrected_and_read_on_both_bases(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_correction_counts_on_its_own_date_when_effective_and_on_the_day_it_was_recorded_when_recorded()
    {
        var history = await History2024.RecordAsync(App.Store, partiesOfItsOwn: true);
        await (await Http.PostAsJsonAsync($"/api/agreements/{history.AgreementId}/periods/close", new { period = "2024-Q1" }))
            .ShouldBe(HttpStatusCode.OK);
        var complete = $"/api/workstreams/{history.WorkstreamId}/milestones/{history.ExhibitionMilestone}/complete";

        await (await Http.PostAsJsonAsync(complete, new { completedOn = "2024-03-15" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "completedOn", "period-closed");
        await (await Http.PostAsJsonAsync(complete, new { completedOn = "2024-03-15", correction = new { reason = "The completion report was mislaid" } }))
            .ShouldBe(HttpStatusCode.OK);

        var march = $"/api/agreements/{history.AgreementId}/dashboard?asOf=2024-03-31";
        var effective = await Http.GetJson($"{march}&basis=effective");
        effective["milestonesDone"]!.GetValue<int>().ShouldBe(2);
        Corrections(effective).ShouldBe(1);
        var recorded = await Http.GetJson($"{march}&basis=recorded");
        recorded["milestonesDone"]!.GetValue<int>().ShouldBe(0);
        Corrections(recorded).ShouldBe(0);

        var today = await Http.GetJson($"/api/agreements/{history.AgreementId}/dashboard");
        today["milestonesDone"]!.GetValue<int>().ShouldBe(2);
        today["corrections"]!.GetValue<int>().ShouldBe(1);

        var changes = $"/api/workstreams/{history.WorkstreamId}/changes?from=2024-03-01&to=2024-03-31";
        var effectiveEvents = (await Http.GetJson($"{changes}&basis=effective"))["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        effectiveEvents.ShouldContain("CorrectionRecorded");
        effectiveEvents.Count(t => t == "MilestoneCompleted").ShouldBe(2);
        (await Http.GetJson($"{changes}&basis=recorded"))["events"]!.AsArray().ShouldBeEmpty();
    }

    private static int Corrections(System.Text.Json.Nodes.JsonNode dashboard) =>
        dashboard["workstreams"]!.AsArray().Sum(w => w!["closedPeriodCorrections"]?.AsArray().Count ?? 0);
}
