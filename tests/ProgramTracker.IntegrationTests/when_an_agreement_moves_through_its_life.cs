using System.Net;

namespace ProgramTracker.IntegrationTests;

public class when_an_agreement_moves_through_its_life(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_status_change_is_recorded_and_shown_with_a_new_etag()
    {
        var id = await Http.RegisteredAgreement();

        var response = await Post($"/api/agreements/{id}/status", new { status = "inForce", effectiveOn = "2023-06", reason = "Entered into force on signature" });
        (await response.ShouldBe(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(2);
        response.Headers.ETag!.Tag.ShouldBe("\"2\"");

        (await Http.GetJson($"/api/agreements/{id}"))["status"]!.GetValue<string>().ShouldBe("inForce");
    }

    [Fact]
    public async Task going_back_to_draft_is_a_conflict_that_appends_nothing()
    {
        var id = await Http.RegisteredAgreement();
        (await Post($"/api/agreements/{id}/status", new { status = "inForce", reason = "Ratified" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await EventCount();

        var problem = await (await Post($"/api/agreements/{id}/status", new { status = "draft", reason = "Oops" })).ShouldBe(HttpStatusCode.Conflict);

        problem["rule"]!.GetValue<string>().ShouldBe("transition-not-allowed");
        problem["field"]!.GetValue<string>().ShouldBe("status");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_closed_agreement_stays_closed()
    {
        var id = await Http.RegisteredAgreement();
        (await Post($"/api/agreements/{id}/status", new { status = "closed", reason = "Superseded" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await (await Post($"/api/agreements/{id}/status", new { status = "inForce", reason = "Reopen" })).ShouldBe(HttpStatusCode.Conflict))
            ["rule"]!.GetValue<string>().ShouldBe("agreement-closed");
        (await (await Post($"/api/agreements/{id}/extensions", new { newEnd = "2030", reason = "Renew" })).ShouldBe(HttpStatusCode.Conflict))
            ["rule"]!.GetValue<string>().ShouldBe("agreement-closed");
    }

    [Theory]
    [InlineData("{\"status\":\"inForce\",\"reason\":\"  \"}", "reason")]
    [InlineData("{\"status\":\"inForce\"}", "reason")]
    [InlineData("{\"status\":\"ratified\",\"reason\":\"x\"}", "status")]
    [InlineData("{\"status\":\"inForce\",\"reason\":\"x\",\"by\":\"me\"}", "by")]
    public async Task a_malformed_status_change_is_a_bad_request_naming_the_field(string json, string field)
    {
        var id = await Http.RegisteredAgreement();
        var before = await EventCount();

        var problem = await (await PostRaw($"/api/agreements/{id}/status", json)).ShouldBe(HttpStatusCode.BadRequest);

        problem.ToJsonString().ShouldContain(field);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task a_malformed_effective_date_is_a_bad_request()
    {
        var id = await Http.RegisteredAgreement();
        var before = await EventCount();

        var problem = await (await PostRaw($"/api/agreements/{id}/status", "{\"status\":\"inForce\",\"reason\":\"x\",\"effectiveOn\":\"2024-02-30\"}"))
            .ShouldBe(HttpStatusCode.BadRequest);

        problem["rule"]!.GetValue<string>().ShouldBe("type", problem.ToJsonString());
        problem["field"]!.GetValue<string>().ShouldBe("effectiveOn");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_unknown_agreement_is_not_found()
    {
        var problem = await (await Post($"/api/agreements/{Guid.NewGuid()}/status", new { status = "inForce", reason = "x" })).ShouldBe(HttpStatusCode.NotFound);
        problem["rule"]!.GetValue<string>().ShouldBe("not-found");
    }

    [Fact]
    public async Task an_extension_moves_the_end_and_an_earlier_end_is_refused()
    {
        var id = await Http.RegisteredAgreement(TestAgreements.AgreementBody(to: "2026-12-31"));

        (await Post($"/api/agreements/{id}/extensions", new { newEnd = "2028-12-31", reason = "Renewed at the 2026 review" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.GetJson($"/api/agreements/{id}"))["validity"]!["to"]!.GetValue<string>().ShouldBe("2028-12-31");

        var before = await EventCount();
        var problem = await (await Post($"/api/agreements/{id}/extensions", new { newEnd = "2027", reason = "Shorter" })).ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem["field"]!.GetValue<string>().ShouldBe("newEnd");
        problem["rule"]!.GetValue<string>().ShouldBe("must-be-later");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task an_amendment_is_listed_on_the_agreement()
    {
        var id = await Http.RegisteredAgreement();

        (await Post($"/api/agreements/{id}/amendments", new
        {
            summary = "Adds cooperation on archives", effectiveOn = "2024-03", reason = "Agreed at the annual review", sourceReference = "Minutes 2024-03-12",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var amendment = (await Http.GetJson($"/api/agreements/{id}"))["amendments"]!.AsArray().ShouldHaveSingleItem()!;
        amendment["summary"]!.GetValue<string>().ShouldBe("Adds cooperation on archives");
        amendment["effectiveOn"]!.GetValue<string>().ShouldBe("2024-03");
    }

    [Fact]
    public async Task an_amendment_needs_a_summary_and_a_reason()
    {
        var id = await Http.RegisteredAgreement();
        var before = await EventCount();

        var problem = await (await Post($"/api/agreements/{id}/amendments", new { summary = "", reason = "" })).ShouldBe(HttpStatusCode.BadRequest);

        problem["errors"]!.AsObject().Select(x => x.Key).ShouldBe(["summary", "reason"], ignoreOrder: true);
        (await EventCount()).ShouldBe(before);
    }
}
