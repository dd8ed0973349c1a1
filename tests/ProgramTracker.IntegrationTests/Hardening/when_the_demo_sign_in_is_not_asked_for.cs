using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// The development sign-in hands anyone an administrator's token, so it is opt-in: in the Development environment,
/// or where ProgramTracker:Authentication:DemoSignIn says so (never in Production). Anywhere else, without an
/// identity provider, the app refuses to start and says which settings to set.
/// </summary>
public sealed class when_the_demo_sign_in_is_not_asked_for(AppFixture app) : IntegrationContext(app)
{
    [Theory]
    [InlineData("Staging", null)]
    [InlineData("Prod", null)]
    [InlineData("Testing", "false")]
    [InlineData("Production", "true")]
    public void the_app_refuses_to_start_without_an_identity_provider(string environment, string? demoSignIn)
    {
        using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("ConnectionStrings:Marten", App.ConnectionString);
            if (demoSignIn is not null) web.UseSetting("ProgramTracker:Authentication:DemoSignIn", demoSignIn);
        });

        var refused = Should.Throw<InvalidOperationException>(() => host.CreateClient());

        refused.Message.ShouldContain($"'{environment}'");
        refused.Message.ShouldContain("ProgramTracker:Authentication:Authority");
        refused.Message.ShouldContain("ProgramTracker:Authentication:DemoSignIn");
    }

    [Theory]
    [InlineData("Staging", "true")]
    [InlineData("Development", "false")]
    public async Task it_is_offered_in_development_or_when_asked_for(string environment, string demoSignIn)
    {
        await using var host = await SeparateHost.StartAsync(App, environment, new Dictionary<string, string>
        {
            ["ProgramTracker:Authentication:DemoSignIn"] = demoSignIn,
        });
        using var anonymous = host.CreateClient();

        var issued = await anonymous.PostAsync("/dev/token?user=admin", null);

        (await issued.ShouldBe(HttpStatusCode.OK))["accessToken"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
