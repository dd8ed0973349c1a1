using System.Net;

namespace ProgramTracker.IntegrationTests.Committees;

public class when_action_items_are_tracked(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task an_action_item_is_updated_completed_or_dropped_and_flagged_when_overdue()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var anna = CommitteeScenarios.NewPersonId("anna");
        await Http.Appointed(committeeId, anna);

        var late = (await (await Post($"/api/committees/{committeeId}/action-items", new
        {
            text = "Send the delegation list", personId = anna, workstreamId, dueDate = "2024-04-30", assignedOn = "2024-03-01",
        })).ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var toDrop = (await (await Post($"/api/committees/{committeeId}/action-items", new { text = "Book the venue", workstreamId, dueDate = "2099-01-31" }))
            .ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var item = await Http.GetJson($"/api/committees/{committeeId}/action-items/{late}");
        item["overdue"]!.GetValue<bool>().ShouldBeTrue();
        item["personName"]!.GetValue<string>().ShouldBe($"Member {anna}");

        (await Post($"/api/committees/{committeeId}/action-items/{late}/update", new { note = "List drafted", dueDate = "2099-05-31" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.GetJson($"/api/committees/{committeeId}/action-items/{late}"))["overdue"]!.GetValue<bool>().ShouldBeFalse();
        (await Post($"/api/committees/{committeeId}/action-items/{late}/complete", new { note = "Sent" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Post($"/api/committees/{committeeId}/action-items/{toDrop}/drop", new { reason = "The meeting moved online" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var items = (await Http.GetJson($"/api/committees/{committeeId}/action-items")).AsArray();
        items.Select(i => i!["status"]!.GetValue<string>()).ShouldBe(["completed", "dropped"], ignoreOrder: true);
        items.Single(i => i!["id"]!.GetValue<Guid>() == toDrop)!["closedReason"]!.GetValue<string>().ShouldBe("The meeting moved online");

        var before = await EventCount();
        (await (await Post($"/api/committees/{committeeId}/action-items/{toDrop}/complete", new { }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "actionItemId"))["rule"]!.GetValue<string>().ShouldBe("action-item-closed");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_action_item_on_a_workstream_of_another_agreement_is_refused()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var otherWorkstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var before = await EventCount();

        var problem = await (await Post($"/api/committees/{committeeId}/action-items", new { text = "x", workstreamId = otherWorkstream, dueDate = "2099-01-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "workstreamId");

        problem["rule"]!.GetValue<string>().ShouldBe("workstream-other-agreement");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task bad_action_item_input_is_a_400_naming_the_field_and_appends_nothing()
    {
        var agreementId = await Http.RegisteredAgreement();
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var item = (await (await Post($"/api/committees/{committeeId}/action-items", new { text = "x", workstreamId, dueDate = "2099-01-01" }))
            .ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var before = await EventCount();

        await (await Post($"/api/committees/{committeeId}/action-items", new { text = "x", dueDate = "2099-01-01" })).ShouldBeProblem(HttpStatusCode.BadRequest, "personId");
        await (await Post($"/api/committees/{committeeId}/action-items", new { text = "", workstreamId, dueDate = "2099-01-01" })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");
        await (await Post($"/api/committees/{committeeId}/action-items", new { text = "x", personId = "stranger", dueDate = "2099-01-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "personName");
        await (await Post($"/api/committees/{committeeId}/action-items", new { text = "x", workstreamId, dueDate = "2023-01-01", assignedOn = "2023-01-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "assignedOn");
        await (await Post($"/api/committees/{committeeId}/action-items/{item}/drop", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "reason");
        await (await Post($"/api/committees/{committeeId}/action-items/{item}/update", new { note = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "note");
        await (await Post($"/api/committees/{committeeId}/action-items/{Guid.NewGuid()}/complete", new { })).ShouldBeProblem(HttpStatusCode.NotFound, "actionItemId");
        await (await Post($"/api/committees/{committeeId}/action-items/{item}/complete", new { completedOn = "2099-01-01" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "completedOn");
        (await PostRaw($"/api/committees/{committeeId}/action-items", """{"text":"x","dueDate":"tomorrow","personId":"p"}""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EventCount()).ShouldBe(before);
    }
}
