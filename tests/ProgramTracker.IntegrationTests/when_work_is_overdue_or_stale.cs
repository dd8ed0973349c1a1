using System.Net;

namespace ProgramTracker.IntegrationTests;

public class when_work_is_overdue_or_stale(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task milestones_past_due_and_not_done_are_listed_for_their_agreement()
    {
        var id = await Http.RegisteredAgreement(TestAgreements.AgreementBody(to: "2035-12-31"));
        var workstreamId = await Http.OpenedWorkstream(id, "ARCHIVES");
        var late = await Http.PlannedMilestone(workstreamId, "2024-06-30");
        var done = await Http.PlannedMilestone(workstreamId, "2024-03-31");
        await Http.PlannedMilestone(workstreamId, "2035-06-30");
        (await Post($"/api/workstreams/{workstreamId}/milestones/{done}/complete", new { completedOn = "2024-03-30" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var overdue = (await Http.GetJson($"/api/milestones/overdue?agreementId={id}")).AsArray();

        var item = overdue.ShouldHaveSingleItem()!;
        item["milestoneId"]!.GetValue<Guid>().ShouldBe(late);
        item["workstreamCode"]!.GetValue<string>().ShouldBe("ARCHIVES");
        item["dueDate"]!.GetValue<string>().ShouldBe("2024-06-30");
        item["daysOverdue"]!.GetValue<int>().ShouldBeGreaterThan(0);
        (await Http.GetJson("/api/milestones/overdue")).AsArray().Select(m => m!["milestoneId"]!.GetValue<Guid>()).ShouldContain(late);
    }

    [Fact]
    public async Task a_milestone_moved_later_in_a_recorded_history_is_still_overdue_on_its_new_date()
    {
        // The reschedule is appended straight to the store (History2024), as its write endpoint lives elsewhere.
        var history = await History2024.RecordAsync(App.Store);

        var item = (await Http.GetJson($"/api/milestones/overdue?agreementId={history.AgreementId}")).AsArray().ShouldHaveSingleItem()!;

        item["milestoneId"]!.GetValue<Guid>().ShouldBe(history.ExhibitionMilestone);
        item["baselineDueDate"]!.GetValue<string>().ShouldBe("2024-09-30");
        item["dueDate"]!.GetValue<string>().ShouldBe("2024-12-31");
        item["varianceDays"]!.GetValue<int>().ShouldBe(92);
    }

    [Fact]
    public async Task the_overdue_list_checks_its_agreement_filter()
    {
        (await (await Http.GetAsync("/api/milestones/overdue?agreementId=nope")).ShouldBe(HttpStatusCode.BadRequest))
            ["field"]!.GetValue<string>().ShouldBe("agreementId");
        (await (await Http.GetAsync($"/api/milestones/overdue?agreementId={Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound))
            ["field"]!.GetValue<string>().ShouldBe("agreementId");
    }

    [Fact]
    public async Task a_workstream_with_no_update_for_longer_than_the_threshold_is_stale()
    {
        var history = await History2024.RecordAsync(App.Store);
        var fresh = await Http.OpenedWorkstream(await Http.RegisteredAgreement());

        var stale = (await Http.GetJson("/api/workstreams/stale?days=30")).AsArray();
        var item = stale.Single(w => w!["workstreamId"]!.GetValue<Guid>() == history.WorkstreamId)!;
        item["lastUpdatedAt"]!.GetValue<DateTimeOffset>().ShouldBe(History2024.Slipped);
        item["rag"]!.GetValue<string>().ShouldBe("amber");
        item["daysSinceUpdate"]!.GetValue<int>().ShouldBeGreaterThan(30);
        stale.ShouldNotContain(w => w!["workstreamId"]!.GetValue<Guid>() == fresh);

        var withinACentury = (await Http.GetJson("/api/workstreams/stale?days=36500")).AsArray();
        withinACentury.ShouldNotContain(w => w!["workstreamId"]!.GetValue<Guid>() == history.WorkstreamId);
    }

    [Fact]
    public async Task the_default_threshold_is_thirty_days()
    {
        var history = await History2024.RecordAsync(App.Store);
        (await Http.GetJson("/api/workstreams/stale")).AsArray().ShouldContain(w => w!["workstreamId"]!.GetValue<Guid>() == history.WorkstreamId);
    }

    [Theory]
    [InlineData("days=-1")]
    [InlineData("days=a")]
    public async Task a_malformed_threshold_is_a_bad_request_naming_it(string query)
    {
        (await (await Http.GetAsync($"/api/workstreams/stale?{query}")).ShouldBe(HttpStatusCode.BadRequest))["field"]!.GetValue<string>().ShouldBe("days");
    }
}
