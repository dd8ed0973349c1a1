using System.Net;
using System.Net.Http.Json;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.SignOff;

public class when_a_reporting_period_is_closed(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_change_dated_inside_it_is_refused_unless_it_is_a_correction_with_a_reason()
    {
        var agreement = await Http.RegisteredAgreement();
        var ws = await Http.OpenedWorkstream(agreement);
        var milestone = await Http.PlannedMilestone(ws);
        await (await Http.PostAsJsonAsync($"/api/agreements/{agreement}/periods/close", new { period = "2024-Q1" })).ShouldBe(HttpStatusCode.OK);
        var before = await App.EventsIn(ws);

        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/progress",
                new { percent = 30, narrative = "Late report", reportedOn = "2024-02-10" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "reportedOn", "period-closed");
        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/progress",
                new { percent = 30, narrative = "Late report", reportedOn = "2024-02-10", correction = new { reason = "" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "correction.reason", "required");
        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/assessments", new { rating = "amber", reason = "Late", assessedOn = "2024-03-31" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "assessedOn", "period-closed");
        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/progress",
                new { percent = 30, narrative = "On time", reportedOn = "2024-04-02", correction = new { reason = "Nothing closed" } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "correction", "not-in-closed-period");
        (await App.EventsIn(ws)).ShouldBe(before);

        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/progress",
                new { percent = 30, narrative = "Late report", reportedOn = "2024-02-10", correction = new { reason = "The February report was mislaid" } }))
            .ShouldBe(HttpStatusCode.OK);

        var workstream = await Http.GetJson($"/api/workstreams/{ws}");
        workstream["percentComplete"]!.GetValue<decimal>().ShouldBe(30m);
        var correction = workstream["corrections"]!.AsArray().ShouldHaveSingleItem()!;
        correction["period"]!.GetValue<string>().ShouldBe("2024-Q1");
        correction["reason"]!.GetValue<string>().ShouldBe("The February report was mislaid");
        var dashboard = await Http.GetJson($"/api/agreements/{agreement}/dashboard");
        dashboard["corrections"]!.GetValue<int>().ShouldBe(1);
        dashboard["workstreams"]![0]!["closedPeriodCorrections"]!.AsArray().Count.ShouldBe(1);
        var history = (await Http.GetJson($"/api/workstreams/{ws}/history")).AsArray();
        history.ShouldContain(e => e!["summary"]!.GetValue<string>().Contains("Correction in the closed period 2024-Q1")
                                   && e["reason"]!.GetValue<string>() == "The February report was mislaid");
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("25")]
    [InlineData("")]
    public async Task a_bad_period_is_refused_naming_it(string period)
    {
        var agreement = await Http.RegisteredAgreement();
        var before = await App.EventsIn(agreement);
        await (await Http.PostAsJsonAsync($"/api/agreements/{agreement}/periods/close", new { period }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        (await App.EventsIn(agreement)).ShouldBe(before);
    }

    [Fact]
    public async Task closing_twice_is_refused_and_appends_nothing()
    {
        var agreement = await Http.RegisteredAgreement();
        await (await Http.PostAsJsonAsync($"/api/agreements/{agreement}/periods/close", new { period = "2024" })).ShouldBe(HttpStatusCode.OK);
        var before = await App.EventsIn(agreement);

        await (await Http.PostAsJsonAsync($"/api/agreements/{agreement}/periods/close", new { period = "2024" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "period", "period-already-closed");
        await (await Http.PostAsJsonAsync($"/api/agreements/{agreement}/periods/close", new { period = "2024-Q3" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "period", "period-already-closed");
        (await App.EventsIn(agreement)).ShouldBe(before);
    }
}
