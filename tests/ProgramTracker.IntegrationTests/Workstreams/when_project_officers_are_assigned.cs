using System.Net;

namespace ProgramTracker.IntegrationTests.Workstreams;

public class when_project_officers_are_assigned(AppFixture app) : IntegrationContext(app)
{
    private async Task<Guid> Workstream() => await Http.OpenedWorkstream(await Http.RegisteredAgreement());

    [Fact]
    public async Task officers_are_assigned_and_unassigned()
    {
        var ws = await Workstream();

        (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = "p-001", name = "Souksavanh Phommachanh" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = "p-002", name = "Nguyễn Thị Lan" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.PostJson($"/api/workstreams/{ws}/officers/p-001/unassign", new { reason = "Moved to the archives department." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var officer = (await Http.GetJson($"/api/workstreams/{ws}"))["officers"]!.AsArray().ShouldHaveSingleItem()!;
        officer["personId"]!.GetValue<string>().ShouldBe("p-002");
        officer["name"]!.GetValue<string>().ShouldBe("Nguyễn Thị Lan");
    }

    [Fact]
    public async Task bad_officer_changes_are_refused_and_append_nothing()
    {
        var ws = await Workstream();
        (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = "p-001", name = "Souksavanh" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await App.EventsIn(ws);

        await (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = "p-001", name = "Souksavanh" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "personId", "already-assigned");
        await (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = "", name = "Nobody" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "personId", "required");
        await (await Http.PostJson($"/api/workstreams/{ws}/officers", new { personId = "p-003" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "name", "required");
        await (await Http.PostJson($"/api/workstreams/{ws}/officers/p-999/unassign", new { reason = "Left" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "personId", "not-assigned");
        await (await Http.PostJson($"/api/workstreams/{ws}/officers/p-001/unassign", new { reason = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "required");

        (await App.EventsIn(ws)).ShouldBe(before);
    }
}
