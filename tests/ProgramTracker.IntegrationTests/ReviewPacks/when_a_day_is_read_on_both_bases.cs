using System.Net;
using System.Net.Http.Json;
using ProgramTracker.IntegrationTests.Committees;

namespace ProgramTracker.IntegrationTests.ReviewPacks;

/// <summary>
/// History2024's training milestone was completed on 30 March 2024 and that was recorded on 2 April; here the
/// exhibition milestone is also recorded today as completed on 15 March. Both answers are pinned on the same history.
/// </summary>
public class when_a_day_is_read_on_both_bases(AppFixture app) : IntegrationContext(app)
{
    private async Task<History2024> CompletedLate()
    {
        var history = await History2024.RecordAsync(App.Store);
        (await Http.PostAsJsonAsync($"/api/workstreams/{history.WorkstreamId}/milestones/{history.ExhibitionMilestone}/complete",
            new { completedOn = "2024-03-15" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return history;
    }

    [Fact]
    public async Task the_dashboard_counts_late_records_as_effective_but_not_as_recorded()
    {
        var history = await CompletedLate();
        var url = $"/api/agreements/{history.AgreementId}/dashboard?asOf=2024-03-31";

        (await Http.GetJson($"{url}&basis=effective"))["milestonesDone"]!.GetValue<int>().ShouldBe(2);
        (await Http.GetJson($"{url}&basis=recorded"))["milestonesDone"]!.GetValue<int>().ShouldBe(0);
        // Recorded is the dashboard's default, as before.
        (await Http.GetJson(url))["milestonesDone"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task the_workstream_shows_each_milestone_by_the_basis()
    {
        var history = await CompletedLate();
        var url = $"/api/workstreams/{history.WorkstreamId}?asOf=2024-03-31";

        var effective = await Http.GetJson($"{url}&basis=effective");
        effective["milestones"]!.AsArray().Select(m => m!["status"]!.GetValue<string>()).ShouldBe(["completed", "completed"]);
        effective["percentComplete"]!.GetValue<decimal>().ShouldBe(100m);

        var recorded = await Http.GetJson($"{url}&basis=recorded");
        recorded["milestones"]!.AsArray().Select(m => m!["status"]!.GetValue<string>()).ShouldBe(["planned", "planned"]);

        // By 2 April the training completion had been recorded; the exhibition's had not.
        var april = await Http.GetJson($"/api/workstreams/{history.WorkstreamId}?asOf=2024-04-02&basis=recorded");
        april["milestones"]!.AsArray().Select(m => m!["status"]!.GetValue<string>()).ShouldBe(["completed", "planned"]);
    }

    [Fact]
    public async Task the_changes_between_two_days_follow_the_basis()
    {
        var history = await CompletedLate();
        var url = $"/api/workstreams/{history.WorkstreamId}/changes?from=2024-03-01&to=2024-03-31";

        var recorded = await Http.GetJson($"{url}&basis=recorded");
        recorded["milestones"]!.AsArray().ShouldBeEmpty();
        recorded["events"]!.AsArray().ShouldBeEmpty();

        var effective = await Http.GetJson($"{url}&basis=effective");
        effective["milestones"]!.AsArray().Select(m => m!["after"]!["status"]!.GetValue<string>()).ShouldBe(["completed", "completed"]);
        effective["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["MilestoneCompleted", "MilestoneCompleted"]);

        var agreement = await Http.GetJson($"/api/agreements/{history.AgreementId}/changes?from=2024-03-01&to=2024-03-31&basis=effective");
        agreement["workstreams"]![0]!["after"]!["milestonesDone"]!.GetValue<int>().ShouldBe(2);
        (await Http.GetJson($"/api/agreements/{history.AgreementId}/changes?from=2024-03-01&to=2024-03-31"))["workstreams"]![0]!["after"]!
            ["milestonesDone"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task the_roster_counts_back_dated_appointments_by_default_and_not_on_the_recorded_basis()
    {
        var history = await History2024.RecordAsync(App.Store);
        var committee = await Http.EstablishedCommittee(history.AgreementId);
        var chair = CommitteeScenarios.NewPersonId("chair");
        await Http.Appointed(committee, chair, "chair", effectiveOn: "2024-02-01");

        // Effective is the roster's default: appointed from 1 February, whenever that was entered.
        (await Http.GetJson($"/api/committees/{committee}?asOf=2024-03-01"))["chair"]!["personId"]!.GetValue<string>().ShouldBe(chair);
        (await Http.GetJson($"/api/committees/{committee}?asOf=2024-03-01&basis=effective"))["membersInOffice"]!.GetValue<int>().ShouldBe(1);
        // Recorded: on 1 March 2024 nothing about the committee had been entered yet.
        await (await Http.GetAsync($"/api/committees/{committee}?asOf=2024-03-01&basis=recorded")).ShouldBeProblem(HttpStatusCode.NotFound, "asOf");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        (await Http.GetJson($"/api/committees/{committee}?asOf={today}&basis=recorded"))["membersInOffice"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_basis_is_a_bad_request_naming_it()
    {
        var history = await History2024.RecordAsync(App.Store);
        var committee = await Http.EstablishedCommittee(history.AgreementId);
        foreach (var url in new[]
                 {
                     $"/api/agreements/{history.AgreementId}/dashboard?asOf=2024-03-31&basis=booked",
                     $"/api/workstreams/{history.WorkstreamId}?asOf=2024-03-31&basis=booked",
                     $"/api/committees/{committee}?asOf=2024-03-31&basis=booked",
                     $"/api/agreements/{history.AgreementId}/changes?from=2024-03-01&basis=booked",
                     $"/api/workstreams/{history.WorkstreamId}/changes?from=2024-03-01&basis=booked",
                     $"/api/agreements/{history.AgreementId}/review-pack?basis=booked",
                 })
        {
            var problem = await (await Http.GetAsync(url)).ShouldBeProblem(HttpStatusCode.BadRequest, "basis");
            problem["rule"]!.GetValue<string>().ShouldBe("basis-unknown", url);
        }
    }

    [Fact]
    public async Task the_pages_offer_the_basis_and_read_the_day_on_it()
    {
        var history = await CompletedLate();
        var effective = await Http.GetStringAsync($"/agreements/{history.AgreementId}?asOf=2024-03-31&basis=effective");
        effective.ShouldContain("<option value=\"effective\" selected=\"selected\">");
        var page = await Http.GetAsync($"/workstreams/{history.WorkstreamId}?asOf=2024-03-31&basis=booked");
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"as-of-basis-error\"");
    }
}
