using System.Net;

namespace ProgramTracker.IntegrationTests;

public class when_an_agreement_dashboard_is_read(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task it_shows_each_workstream_with_its_milestones_and_the_totals()
    {
        var id = await Http.RegisteredAgreement(TestAgreements.AgreementBody(to: "2035-12-31"));
        var workstreamId = await Http.OpenedWorkstream(id, "CAPACITY");
        var done = await Http.PlannedMilestone(workstreamId, "2024-06-30", weight: 3);
        await Http.PlannedMilestone(workstreamId, "2035-06-30", weight: 1);
        (await Post($"/api/workstreams/{workstreamId}/milestones/{done}/complete", new { completedOn = "2024-06-28" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await App.WaitForProjectionsAsync();

        var response = await Http.GetAsync($"/api/agreements/{id}/dashboard");
        var dashboard = await response.ShouldBe(HttpStatusCode.OK);

        // Agreement version 2 (registered, workstream added) + workstream version 4.
        response.Headers.ETag!.Tag.ShouldBe("\"6\"");
        dashboard["agreementId"]!.GetValue<Guid>().ShouldBe(id);
        dashboard["title"]!["lo"]!.GetValue<string>().ShouldBe("ການຮ່ວມມືດ້ານພາຍໃນ");
        dashboard["parties"]!.AsArray().Select(p => p!["country"]!.GetValue<string>()).ShouldBe(["VN", "LA"]);
        dashboard["percentComplete"]!.GetValue<decimal>().ShouldBe(75m);
        dashboard["milestonesDone"]!.GetValue<int>().ShouldBe(1);
        dashboard["milestonesTotal"]!.GetValue<int>().ShouldBe(2);
        dashboard["overdueCount"]!.GetValue<int>().ShouldBe(0);
        dashboard["staleCount"]!.GetValue<int>().ShouldBe(0);
        var workstream = dashboard["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        workstream["code"]!.GetValue<string>().ShouldBe("CAPACITY");
        workstream["daysSinceUpdate"]!.GetValue<int>().ShouldBe(0);
        workstream["stale"]!.GetValue<bool>().ShouldBeFalse();
        workstream["nextDue"]!["dueDate"]!.GetValue<string>().ShouldBe("2035-06-30");
        workstream["milestones"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_history_recorded_in_2024_shows_overdue_and_stale_work_today()
    {
        var history = await History2024.RecordAsync(App.Store);
        await App.WaitForProjectionsAsync();

        var dashboard = await Http.GetJson($"/api/agreements/{history.AgreementId}/dashboard");

        dashboard["overdueCount"]!.GetValue<int>().ShouldBe(1);
        dashboard["staleCount"]!.GetValue<int>().ShouldBe(1);
        dashboard["lastEventAt"]!.GetValue<DateTimeOffset>().ShouldBe(History2024.Slipped);
        var workstream = dashboard["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        workstream["rag"]!.GetValue<string>().ShouldBe("amber");
        workstream["nextDue"].ShouldBeNull();
        var exhibition = workstream["milestones"]!.AsArray().Single(m => m!["id"]!.GetValue<Guid>() == history.ExhibitionMilestone)!;
        exhibition["baselineDueDate"]!.GetValue<string>().ShouldBe("2024-09-30");
        exhibition["dueDate"]!.GetValue<string>().ShouldBe("2024-12-31");
        exhibition["varianceDays"]!.GetValue<int>().ShouldBe(92);

        // The portfolio reads only the projected documents, so this shows the projection itself caught up.
        var line = (await Http.GetJson($"/api/agreements?q={history.Code}"))["items"]!.AsArray().ShouldHaveSingleItem()!;
        line["overdueCount"]!.GetValue<int>().ShouldBe(1);
        line["workstreams"]![0]!["rag"]!.GetValue<string>().ShouldBe("amber");
    }

    [Fact]
    public async Task as_of_an_earlier_date_it_shows_the_earlier_state()
    {
        var history = await History2024.RecordAsync(App.Store);

        var february = await Http.GetJson($"/api/agreements/{history.AgreementId}/dashboard?asOf=2024-02-01");
        february["asOf"]!.GetValue<string>().ShouldBe("2024-02-01");
        february["milestonesDone"]!.GetValue<int>().ShouldBe(0);
        february["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);
        var feb = february["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        feb["nextDue"]!["milestoneId"]!.GetValue<Guid>().ShouldBe(history.TrainingMilestone);
        feb["daysSinceUpdate"]!.GetValue<int>().ShouldBe(12);
        // Nobody had assessed it yet: the rating is derived from the milestones, and says so.
        feb["rag"]!.GetValue<string>().ShouldBe("green");
        feb["ragAssessed"]!.GetValue<bool>().ShouldBeFalse();

        var may = await Http.GetJson($"/api/agreements/{history.AgreementId}/dashboard?asOf=2024-05-01");
        may["milestonesDone"]!.GetValue<int>().ShouldBe(1);
        may["percentComplete"]!.GetValue<decimal>().ShouldBe(50m);
        may["workstreams"]![0]!["nextDue"]!["milestoneId"]!.GetValue<Guid>().ShouldBe(history.ExhibitionMilestone);

        var august = await Http.GetAsync($"/api/agreements/{history.AgreementId}/dashboard?asOf=2024-08-01");
        var aug = (await august.ShouldBe(HttpStatusCode.OK))["workstreams"]![0]!;
        aug["rag"]!.GetValue<string>().ShouldBe("amber");
        aug["ragAssessed"]!.GetValue<bool>().ShouldBeTrue();
        aug["milestones"]!.AsArray().Single(m => m!["id"]!.GetValue<Guid>() == history.ExhibitionMilestone)!["varianceDays"]!.GetValue<int>().ShouldBe(92);
        // Agreement version 2 + workstream version 6 (opened, two planned, completed, rescheduled, assessed).
        august.Headers.ETag!.Tag.ShouldBe("\"8\"");
    }

    [Fact]
    public async Task as_of_a_day_before_the_agreement_existed_is_not_found()
    {
        var history = await History2024.RecordAsync(App.Store);

        var response = await Http.GetAsync($"/api/agreements/{history.AgreementId}/dashboard?asOf=2023-12-31");

        (await response.ShouldBe(HttpStatusCode.NotFound))["rule"]!.GetValue<string>().ShouldBe("not-found");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("30/06/2024")]
    [InlineData("yesterday")]
    public async Task a_malformed_as_of_date_is_a_bad_request_naming_it(string asOf)
    {
        var id = await Http.RegisteredAgreement();

        var problem = await (await Http.GetAsync($"/api/agreements/{id}/dashboard?asOf={asOf}")).ShouldBe(HttpStatusCode.BadRequest);

        problem["field"]!.GetValue<string>().ShouldBe("asOf");
        problem["errors"]!["asOf"].ShouldNotBeNull();
    }

    [Fact]
    public async Task an_unknown_agreement_has_no_dashboard()
    {
        (await (await Http.GetAsync($"/api/agreements/{Guid.NewGuid()}/dashboard")).ShouldBe(HttpStatusCode.NotFound))
            ["rule"]!.GetValue<string>().ShouldBe("not-found");
    }
}
