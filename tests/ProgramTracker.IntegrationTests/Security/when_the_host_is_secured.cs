using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ProgramTracker.IntegrationTests.Security;

public sealed class when_the_host_is_secured(AppFixture app) : IntegrationContext(app)
{
    /// <summary>Deny by default: every API endpoint names its policy, or says out loud that it is public.</summary>
    [Fact]
    public void every_api_endpoint_names_the_policy_it_needs()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/") == true)
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(40);

        var unnamed = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.DisplayName)
            .ToList();
        unnamed.ShouldBeEmpty();
        endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task health_and_the_api_description_stay_public(string url)
    {
        using var anonymous = App.CreateAnonymousClient();
        (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_api_description_tells_clients_to_bring_a_bearer_token()
    {
        using var anonymous = App.CreateAnonymousClient();
        var document = await anonymous.GetJson("/openapi/v1.json");
        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        document["security"]!.AsArray().ShouldContain(r => r!.AsObject().ContainsKey("Bearer"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agreements/5a3e0000-0000-4000-8000-00000000000a")]
    [InlineData("/milestones/overdue.csv")]
    public async Task an_anonymous_browser_is_sent_to_sign_in(string url)
    {
        using var anonymous = App.CreateAnonymousClient();
        var response = await anonymous.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("/sign-in?ReturnUrl=");
    }

    [Fact]
    public async Task a_forged_or_expired_token_is_refused()
    {
        using var forged = App.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjoiYWRtaW4ifQ.c2lnbmF0dXJl");
        (await forged.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_development_token_endpoint_issues_tokens_for_demo_users_only()
    {
        using var anonymous = App.CreateAnonymousClient();
        var issued = await (await anonymous.PostAsync("/dev/token?user=viewer", null)).ShouldBe(HttpStatusCode.OK);
        using var viewer = App.CreateAnonymousClient();
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", issued["accessToken"]!.GetValue<string>());
        (await viewer.GetJson("/api/agreements"))["total"]!.GetValue<long>().ShouldBe(2);

        (await anonymous.PostAsync("/dev/token?user=root", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void the_development_sign_in_is_refused_in_production()
    {
        using var production = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("ConnectionStrings:Marten", App.ConnectionString);
        });
        var refused = Should.Throw<InvalidOperationException>(() => production.CreateClient());
        refused.Message.ShouldContain("refused in the 'Production' environment");
        refused.Message.ShouldContain("ProgramTracker:Authentication:Authority");
    }
}
