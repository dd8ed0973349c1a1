using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests.Security;

/// <summary>
/// Production: no demo users, tokens from the OpenID Connect provider named by the settings. A second host of the
/// app, in the Production environment, on a database of its own in the test cluster, against a stub provider.
/// </summary>
public sealed class when_an_identity_provider_signs_people_in(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task its_tokens_carry_who_and_which_role_and_nothing_else_gets_in()
    {
        await using var provider = await StubIdentityProvider.StartAsync();
        var database = await TestPostgres.NewDatabaseAsync(App.ConnectionString, "oidc");
        await using var production = InProcessHost.Start(database, "Production", web =>
        {
            web.UseSetting("ProgramTracker:SampleData:LoadOnStart", "false");
            web.UseSetting("ProgramTracker:Authentication:Authority", provider.Issuer);
            web.UseSetting("ProgramTracker:Authentication:RequireHttpsMetadata", "false");
            web.UseSetting("ProgramTracker:Authentication:ClientSecret", "web-client-secret");
        });
        using var anonymous = production.CreateAnonymousClient();

        HttpClient As(params Claim[] claims)
        {
            var client = production.CreateAnonymousClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", provider.Issue(claims));
            return client;
        }

        using var admin = As(new(ClaimNames.Subject, "kc-7f3a"), new(ClaimNames.Name, "Bounmy Phommachanh"), new(ClaimNames.Roles, Roles.Administrator));
        var registered = await admin.PostAsJsonAsync("/api/agreements", TestAgreements.AgreementBody());
        var agreementId = (await registered.ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var history = (await admin.GetJson($"/api/agreements/{agreementId}/history")).AsArray();
        history[0]!["user"]!.GetValue<string>().ShouldBe("Bounmy Phommachanh");
        history[0]!["headers"]!["user-id"]!.GetValue<string>().ShouldBe("kc-7f3a");

        using var viewer = As(new(ClaimNames.Subject, "kc-9d01"), new(ClaimNames.Name, "A viewer"), new(ClaimNames.Roles, Roles.Viewer),
            new(ClaimNames.Agreements, agreementId.ToString()));
        // The portfolio reads the dashboards, an async projection.
        await production.WaitForProjectionsAsync();
        (await viewer.GetJson("/api/agreements"))["total"]!.GetValue<long>().ShouldBe(1);
        (await viewer.PostAsJsonAsync($"/api/agreements/{agreementId}/amendments", new { summary = "x", reason = "y" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        using var forged = production.CreateAnonymousClient();
        using var otherKey = RSA.Create(2048);
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            provider.Issue([new(ClaimNames.Subject, "intruder"), new(ClaimNames.Roles, Roles.Administrator)], signedWith: otherKey));
        (await forged.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var wrongAudience = production.CreateAnonymousClient();
        wrongAudience.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            provider.Issue([new(ClaimNames.Subject, "kc-7f3a"), new(ClaimNames.Roles, Roles.Administrator)], audience: "another-app"));
        (await wrongAudience.GetAsync("/api/agreements")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A browser is sent to the provider's sign-in, and so is a request for a development token: there are none here.
        foreach (var path in new[] { "/", "/sign-in", "/dev/token?user=admin" })
        {
            using var request = new HttpRequestMessage(path.StartsWith("/dev") ? HttpMethod.Post : HttpMethod.Get, path);
            var answer = await anonymous.SendAsync(request);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            var authorize = answer.Headers.Location!.ToString();
            authorize.ShouldStartWith($"{provider.Issuer}/authorize?", Case.Sensitive, path);
            authorize.ShouldContain("client_id=programtracker-web");
            authorize.ShouldContain("response_type=code");
            authorize.ShouldContain("code_challenge_method=S256");
        }
    }
}
