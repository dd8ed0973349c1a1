using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// In Production an unexpected failure answers a plain 500 ProblemDetails with a trace id: no exception text, no
/// SQL, no stack trace. The failure is thrown by middleware this test puts behind the app's own pipeline, inside
/// its exception handler; product code has no failing path for tests.
/// </summary>
public class when_the_app_fails_in_production(AppFixture app) : IntegrationContext(app)
{
    private const string Secret = "42P01: relation \"mt_events\" does not exist. SELECT data FROM public.mt_events WHERE password = 'hunter2'";

    private static readonly Dictionary<string, string> Production = new()
    {
        // What a production node is given; the identity provider is not contacted for these requests.
        ["ProgramTracker:Authentication:Authority"] = "https://idp.programtracker.example/realms/programtracker",
        ["ProgramTracker:Authentication:Audience"] = "programtracker-api",
        ["ProgramTracker:Authentication:ClientId"] = "programtracker-web",
        ["ProgramTracker:Authentication:ClientSecret"] = "not-a-real-secret",
    };

    private static void Failing(IApplicationBuilder app) => app.Use((http, next) => http.Request.Path.Value switch
    {
        "/api/failure-for-test" => throw new InvalidOperationException(Secret),
        "/api/json-failure-for-test" => throw new System.Text.Json.JsonException(
            "The JSON value could not be converted to ProgramTracker.Api.Internal.Secret. Path: $.amount | LineNumber: 0 | BytePositionInLine: 12."),
        _ => next(http),
    });

    [Fact]
    public async Task an_unexpected_exception_is_a_plain_500_problem_with_a_trace_id()
    {
        await using var host = await SeparateHost.StartAsync(App, "Production", Production, Failing);
        var http = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/failure-for-test");
        request.Headers.Add(SeparateHost.UserHeader, "admin");

        var response = await http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe(500);
        problem["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        foreach (var leak in new[] { "mt_events", "SELECT", "hunter2", "InvalidOperationException", "Exception", " at ", ".cs:line" })
            body.ShouldNotContain(leak, Case.Insensitive, body);
        problem.Select(p => p.Key).ShouldBeSubsetOf(["type", "title", "status", "detail", "instance", "traceId", "requestId"]);
        response.Headers.Contains("Content-Security-Policy").ShouldBeTrue("the security headers survive the exception handler");
    }

    [Fact]
    public async Task a_json_error_that_escapes_to_the_handler_is_a_400_in_plain_words()
    {
        await using var host = await SeparateHost.StartAsync(App, "Production", Production, Failing);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/json-failure-for-test");
        request.Headers.Add(SeparateHost.UserHeader, "admin");

        var response = await host.CreateClient().SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var problem = JsonNode.Parse(body)!;
        problem["field"]!.GetValue<string>().ShouldBe("amount");
        problem["rule"]!.GetValue<string>().ShouldBe("type");
        body.ShouldNotContain("ProgramTracker.Api", Case.Insensitive, body);
        body.ShouldNotContain("BytePosition", Case.Insensitive, body);
    }

    [Fact]
    public async Task a_database_failure_is_a_plain_500_without_sql()
    {
        await using var host = await SeparateHost.StartAsync(App, "Production", Production);
        // A real failure under the running app: its database stops taking connections and drops the open ones.
        await host.RefuseConnectionsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agreements");
        request.Headers.Add(SeparateHost.UserHeader, "admin");

        var response = await host.CreateClient().SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(body)!["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        foreach (var leak in new[] { "55000", "connections", "host_", "Npgsql", "Marten", "Exception", " at " })
            body.ShouldNotContain(leak, Case.Insensitive, body);
    }

    [Fact]
    public async Task hsts_is_sent_over_https_outside_development_and_forms_may_lead_to_the_identity_provider()
    {
        await using var host = await SeparateHost.StartAsync(App, "Production", Production);

        var overHttps = await host.CreateClient("https://programtracker.example").GetAsync("/health/live");
        var overHttp = await host.CreateClient("http://programtracker.example").GetAsync("/health/live");

        overHttps.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        overHttp.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        overHttps.Headers.GetValues("Content-Security-Policy").Single()
            .ShouldContain("form-action 'self' https://idp.programtracker.example;", customMessage: "signing in and out posts on to the identity provider");
    }
}
