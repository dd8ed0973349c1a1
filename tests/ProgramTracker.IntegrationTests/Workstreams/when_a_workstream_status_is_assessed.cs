using System.Net;
using ProgramTracker.Api.Security;
using static ProgramTracker.IntegrationTests.Workstreams.WorkstreamWrites;

namespace ProgramTracker.IntegrationTests.Workstreams;

public class when_a_workstream_status_is_assessed(AppFixture app) : IntegrationContext(app)
{
    private async Task<Guid> Workstream() => await Http.OpenedWorkstream(await Http.RegisteredAgreement());

    [Fact]
    public async Task the_rating_its_reason_and_its_author_show_in_the_rag_history()
    {
        var ws = await Workstream();

        (await Http.PostJson($"/api/workstreams/{ws}/assessments",
                new { rating = "amber", reason = "Training slipped one quarter.", partyId = "la-moha", assessedOn = "2024-06-30" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.PostJson($"/api/workstreams/{ws}/assessments", new { rating = "green", reason = "Back on track." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var workstream = await Http.GetJson($"/api/workstreams/{ws}");
        workstream["currentRag"]!.GetValue<string>().ShouldBe("green");
        var history = workstream["ragHistory"]!.AsArray();
        history.Count.ShouldBe(2);
        history[0]!["rating"]!.GetValue<string>().ShouldBe("amber");
        history[0]!["reason"]!.GetValue<string>().ShouldBe("Training slipped one quarter.");
        history[0]!["partyId"]!.GetValue<string>().ShouldBe("la-moha");
        history[0]!["assessedBy"]!.GetValue<string>().ShouldBe(DemoUsers.Administrator.Name);
        history[1]!["assessedOn"]!.GetValue<string>().ShouldBe(Day(Today));
    }

    [Fact]
    public async Task the_assessor_cannot_be_named_in_the_body()
    {
        var ws = await Workstream();
        var before = await App.EventsIn(ws);

        await (await Http.PostJson($"/api/workstreams/{ws}/assessments", new { rating = "red", reason = "x", assessedBy = "the minister" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "assessedBy", "unknown-member");

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Fact]
    public async Task bad_assessments_are_refused_and_append_nothing()
    {
        var ws = await Workstream();
        var url = $"/api/workstreams/{ws}/assessments";
        (await Http.PostJson(url, new { rating = "green", reason = "Started well.", assessedOn = "2024-06-30" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await App.EventsIn(ws);

        await (await Http.PostJson(url, new { rating = "amber", reason = "  " })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "required");
        await (await Http.PostJson(url, new { reason = "No rating" })).ShouldBeProblem(HttpStatusCode.BadRequest, "rating", "required");
        await (await Http.PostJson(url, new { rating = "purple", reason = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest, "rating");
        await (await Http.PostJson(url, new { rating = "red", reason = "x", partyId = "th-mof" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "partyId", "party-unknown");
        await (await Http.PostJson(url, new { rating = "red", reason = "x", assessedOn = Day(Today.AddDays(1)) }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "assessedOn", "future-date");
        await (await Http.PostJson(url, new { rating = "red", reason = "x", assessedOn = "2024-01-31" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "assessedOn", "before-latest-assessment");

        (await App.EventsIn(ws)).ShouldBe(before);
    }
}
