using System.Net;

namespace ProgramTracker.IntegrationTests;

public class when_a_workstream_is_read_as_it_stood(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task as_of_an_earlier_date_it_shows_the_milestones_before_they_slipped()
    {
        var history = await History2024.RecordAsync(App.Store);

        var response = await Http.GetAsync($"/api/workstreams/{history.WorkstreamId}?asOf=2024-02-01");
        var february = await response.ShouldBe(HttpStatusCode.OK);

        response.Headers.ETag!.Tag.ShouldBe("\"3\"");
        february["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);
        february["milestones"]!.AsArray().Select(m => m!["status"]!.GetValue<string>()).ShouldBe(["planned", "planned"]);
        february["milestones"]![1]!["dueDate"]!.GetValue<string>().ShouldBe("2024-09-30");

        var today = await Http.GetJson($"/api/workstreams/{history.WorkstreamId}");
        today["percentComplete"]!.GetValue<decimal>().ShouldBe(50m);
        today["milestones"]![1]!["dueDate"]!.GetValue<string>().ShouldBe("2024-12-31");
        today["currentRag"]!.GetValue<string>().ShouldBe("amber");
    }

    [Fact]
    public async Task as_of_a_day_before_it_was_opened_it_is_not_found()
    {
        var history = await History2024.RecordAsync(App.Store);
        (await Http.GetAsync($"/api/workstreams/{history.WorkstreamId}?asOf=2024-01-09")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_malformed_as_of_date_is_a_bad_request_naming_it()
    {
        var history = await History2024.RecordAsync(App.Store);
        (await (await Http.GetAsync($"/api/workstreams/{history.WorkstreamId}?asOf=2024-02-31")).ShouldBe(HttpStatusCode.BadRequest))
            ["field"]!.GetValue<string>().ShouldBe("asOf");
    }

    [Fact]
    public async Task the_changes_between_two_dates_show_what_slipped_and_the_new_rating()
    {
        var history = await History2024.RecordAsync(App.Store);

        var changes = await Http.GetJson($"/api/workstreams/{history.WorkstreamId}/changes?from=2024-06-01&to=2024-07-31");

        changes["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["MilestoneRescheduled", "StatusAssessed"]);
        changes["events"]![0]!["reason"]!.GetValue<string>().ShouldBe("Venue under repair");
        var exhibition = changes["milestones"]!.AsArray().ShouldHaveSingleItem()!;
        exhibition["milestoneId"]!.GetValue<Guid>().ShouldBe(history.ExhibitionMilestone);
        exhibition["before"]!["dueDate"]!.GetValue<string>().ShouldBe("2024-09-30");
        exhibition["after"]!["dueDate"]!.GetValue<string>().ShouldBe("2024-12-31");
        changes["before"]!.AsObject().ContainsKey("rag").ShouldBeFalse();
        changes["after"]!["rag"]!.GetValue<string>().ShouldBe("amber");
    }

    [Fact]
    public async Task the_changes_of_an_agreement_include_its_workstreams()
    {
        var history = await History2024.RecordAsync(App.Store);

        var changes = await Http.GetJson($"/api/agreements/{history.AgreementId}/changes?from=2024-03-01&to=2024-04-30");

        changes["statusBefore"]!.GetValue<string>().ShouldBe("inForce");
        changes["events"]!.AsArray().ShouldHaveSingleItem()!["summary"]!.GetValue<string>().ShouldContain("'20 officials trained' completed on 2024-03-30");
        var workstream = changes["workstreams"]!.AsArray().ShouldHaveSingleItem()!;
        workstream["before"]!["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);
        workstream["after"]!["percentComplete"]!.GetValue<decimal>().ShouldBe(50m);
        var training = workstream["milestones"]!.AsArray().ShouldHaveSingleItem()!;
        training["before"]!["status"]!.GetValue<string>().ShouldBe("planned");
        training["after"]!["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Theory]
    [InlineData("to=2024-07-31", "from")]
    [InlineData("from=2024-7-1", "from")]
    [InlineData("from=2024-07-01&to=2024-06-01", "to")]
    [InlineData("from=2024-07-01&to=soon", "to")]
    public async Task a_malformed_window_is_a_bad_request_naming_the_parameter(string query, string field)
    {
        var history = await History2024.RecordAsync(App.Store);

        (await (await Http.GetAsync($"/api/workstreams/{history.WorkstreamId}/changes?{query}")).ShouldBe(HttpStatusCode.BadRequest))
            ["field"]!.GetValue<string>().ShouldBe(field);
        (await (await Http.GetAsync($"/api/agreements/{history.AgreementId}/changes?{query}")).ShouldBe(HttpStatusCode.BadRequest))
            ["field"]!.GetValue<string>().ShouldBe(field);
    }

    [Fact]
    public async Task changes_of_unknown_streams_are_not_found()
    {
        (await Http.GetAsync($"/api/workstreams/{Guid.NewGuid()}/changes?from=2024-01-01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Http.GetAsync($"/api/agreements/{Guid.NewGuid()}/changes?from=2024-01-01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
