using System.Net;

namespace ProgramTracker.IntegrationTests.Workstreams;

/// <summary>The bad-input list of the issue: each answered with a ProblemDetails naming the field, none appends.</summary>
public class when_bad_input_reaches_a_workstream(AppFixture app) : IntegrationContext(app)
{
    private static readonly string LongText = new('x', 4001);

    [Theory]
    [InlineData("progress", """{"percent":101,"narrative":"Over the top"}""", 400, "percent", "range")]
    [InlineData("progress", """{"percent":-1,"narrative":"Below zero"}""", 400, "percent", "range")]
    [InlineData("progress", """{"percent":50,"narrative":""}""", 400, "narrative", "required")]
    [InlineData("progress", """{"percent":50}""", 400, "narrative", "required")]
    [InlineData("progress", """{"percent":"fifty","narrative":"x"}""", 400, "percent", "type")]
    [InlineData("progress", """{"percent":50,"narrative":"x","evidenceUrl":"ftp://files/x"}""", 400, "evidenceUrl", "url")]
    [InlineData("progress", """{"percent":50,"narrative":"x","reportedOn":"2024-02-30"}""", 400, "reportedOn", "type")]
    [InlineData("reschedule", """{"newDueDate":"2025-09-30","reason":""}""", 400, "reason", "required")]
    [InlineData("reschedule", """{"newDueDate":"2025-09-30","reason":"   "}""", 400, "reason", "required")]
    [InlineData("reschedule", """{"newDueDate":"2025-09-30"}""", 400, "reason", "required")]
    [InlineData("reschedule", """{"newDueDate":"30/09/2025","reason":"x"}""", 400, "newDueDate", "type")]
    [InlineData("reschedule", """{"newDueDate":"2025-13-01","reason":"x"}""", 400, "newDueDate", "type")]
    [InlineData("reschedule", """{"newDueDate":"0001-01-01","reason":"x"}""", 400, "newDueDate", "range")]
    [InlineData("reschedule", """{"newDueDate":"2027-03-01","reason":"Late"}""", 422, "newDueDate", "outside-validity")]
    [InlineData("reschedule", """{"newDueDate":"2023-01-01","reason":"Early"}""", 422, "newDueDate", "outside-validity")]
    [InlineData("reschedule", """{"newDueDate":"2025-06-30","reason":"Same day"}""", 422, "newDueDate", "same-due-date")]
    [InlineData("reschedule", """{"newDueDate":"2025-09-30","reason":"x","baselineDueDate":"2025-09-30"}""", 400, "baselineDueDate", "unknown-member")]
    [InlineData("start", """{"startedOn":"2024-02-01","by":"me"}""", 400, "by", "unknown-member")]
    [InlineData("start", """{"startedOn":"yesterday"}""", 400, "startedOn", "type")]
    [InlineData("block", """{"reason":null}""", 400, "reason", "required")]
    [InlineData("cancel", """{"reason":"x","cancelledOn":20240101}""", 400, "cancelledOn", "type")]
    [InlineData("complete", """{"completedOn":"2024-06-31"}""", 400, "completedOn", "type")]
    [InlineData("unblock", """{"reason":"x"}""", 409, "milestoneId", "not-blocked")]
    public async Task a_milestone_command_with_bad_input_is_refused(string action, string json, int status, string field, string rule)
    {
        var (ws, m) = await Http.WorkstreamWithMilestone(due: "2025-06-30");
        var before = await App.EventsIn(ws);

        await (await Http.PostText($"/api/workstreams/{ws}/milestones/{m}/{action}", json)).ShouldBeProblem((HttpStatusCode)status, field, rule);

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Theory]
    [InlineData("progress", "narrative")]
    [InlineData("reschedule", "reason")]
    [InlineData("block", "reason")]
    [InlineData("cancel", "reason")]
    public async Task an_oversized_text_is_refused(string action, string field)
    {
        var (ws, m) = await Http.WorkstreamWithMilestone(due: "2025-06-30");
        var before = await App.EventsIn(ws);
        var body = new Dictionary<string, object> { [field] = LongText };
        if (action == "progress") body["percent"] = 10;
        if (action == "reschedule") body["newDueDate"] = "2025-09-30";

        await (await Http.PostJson($"/api/workstreams/{ws}/milestones/{m}/{action}", body)).ShouldBeProblem(HttpStatusCode.BadRequest, field, "max-length");

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2023-05-31")]
    public async Task planning_a_milestone_outside_the_agreement_validity_is_refused(string due)
    {
        var (ws, _) = await Http.WorkstreamWithMilestone();
        var before = await App.EventsIn(ws);

        await (await Http.PostJson($"/api/workstreams/{ws}/milestones", new { title = new { en = "Too late or too early" }, dueDate = due }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "dueDate", "outside-validity");

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Fact]
    public async Task completing_a_cancelled_milestone_is_a_conflict()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        (await Http.PostJson($"/api/workstreams/{ws}/milestones/{m}/cancel", new { reason = "Dropped" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await App.EventsIn(ws);

        await (await Http.PostJson($"/api/workstreams/{ws}/milestones/{m}/complete", new { completedOn = "2024-06-28" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "milestone-cancelled");
        await (await Http.PostJson($"/api/workstreams/{ws}/milestones/{m}/progress", new { percent = 100, narrative = "Done anyway" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "milestone-cancelled");
        await (await Http.PostJson($"/api/workstreams/{ws}/milestones/{m}/cancel", new { reason = "Twice" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "milestoneId", "milestone-cancelled");

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Theory]
    [InlineData("start", """{}""")]
    [InlineData("progress", """{"percent":10,"narrative":"x"}""")]
    [InlineData("reschedule", """{"newDueDate":"2025-09-30","reason":"x"}""")]
    [InlineData("block", """{"reason":"x"}""")]
    [InlineData("unblock", """{"reason":"x"}""")]
    [InlineData("cancel", """{"reason":"x"}""")]
    [InlineData("complete", """{"completedOn":"2024-06-28"}""")]
    public async Task unknown_workstreams_and_milestones_are_not_found(string action, string json)
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var unknown = Guid.NewGuid();
        var before = await App.EventsIn(ws);

        var noWorkstream = await (await Http.PostText($"/api/workstreams/{unknown}/milestones/{m}/{action}", json)).ShouldBeProblem(HttpStatusCode.NotFound, "id");
        noWorkstream["detail"]!.GetValue<string>().ShouldContain(unknown.ToString());
        var noMilestone = await (await Http.PostText($"/api/workstreams/{ws}/milestones/{unknown}/{action}", json)).ShouldBeProblem(HttpStatusCode.NotFound, "milestoneId", "not-found");
        noMilestone["detail"]!.GetValue<string>().ShouldContain(unknown.ToString());

        (await App.EventsIn(ws)).ShouldBe(before);
        (await App.EventsIn(unknown)).ShouldBe(0);
    }

    [Theory]
    [InlineData("indicators", """{"name":{"en":"x"},"unit":"u","targetLow":1,"period":"once"}""")]
    [InlineData("assessments", """{"rating":"green","reason":"x"}""")]
    [InlineData("officers", """{"personId":"p","name":"n"}""")]
    [InlineData("officers/p/unassign", """{"reason":"x"}""")]
    public async Task writes_to_an_unknown_workstream_are_not_found(string path, string json)
    {
        var unknown = Guid.NewGuid();

        await (await Http.PostText($"/api/workstreams/{unknown}/{path}", json)).ShouldBeProblem(HttpStatusCode.NotFound, "id", "not-found");

        (await App.EventsIn(unknown)).ShouldBe(0);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_refused()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var before = await App.EventsIn(ws);

        var response = await Http.PostText($"/api/workstreams/{ws}/milestones/{m}/progress", """{"percent":10,""");

        ((int)response.StatusCode).ShouldBe(400, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await App.EventsIn(ws)).ShouldBe(before);
    }
}
