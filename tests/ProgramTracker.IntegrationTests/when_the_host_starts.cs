using System.Net;

namespace ProgramTracker.IntegrationTests;

public class when_the_host_starts(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task ready_checks_the_database_and_schema()
    {
        var ready = await (await Http.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK);
        ready["status"]!.GetValue<string>().ShouldBe("Healthy");
        ready["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task live_answers_without_touching_the_database()
    {
        (await (await Http.GetAsync("/health/live")).ShouldBe(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task the_openapi_document_describes_the_api()
    {
        var doc = await (await Http.GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        doc["paths"]!.AsObject().ContainsKey("/api/agreements").ShouldBeTrue();
        doc["paths"]!.AsObject().ContainsKey("/api/workstreams/{workstreamId}/milestones/{milestoneId}/complete").ShouldBeTrue();
    }

    [Fact]
    public async Task an_unknown_route_is_a_problem_details_404()
    {
        var response = await Http.GetAsync("/api/nothing-here");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
