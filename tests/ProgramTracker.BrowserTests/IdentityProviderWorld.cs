using Microsoft.AspNetCore.Hosting;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// Production sign-in: the app in the Production environment on Kestrel, its own database, and a real OpenID
/// Connect provider (<see cref="TestIdentityProvider"/>) with the Keycloak realm's clients and users.
/// </summary>
public sealed class IdentityProviderWorld : IAsyncLifetime
{
    private EmbeddedPostgres? _postgres;

    public InProcessHost App { get; private set; } = null!;
    public TestIdentityProvider Provider { get; private set; } = null!;
    public Uri AppAddress => App.ServerAddress!;

    /// <summary>The web client's redirect URI, under the realm's ${PROGRAMTRACKER_PUBLIC_URL}.</summary>
    public string RedirectUri => new Uri(AppAddress, "/signin-oidc").ToString();

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.StartAsync("tests-oidc");
        var providerPort = AppProcess.FreePort();
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        App = InProcessHost.Start(_postgres.ConnectionString, "Production", web =>
        {
            web.UseSetting("ProgramTracker:SampleData:LoadOnStart", "true");
            web.UseSetting("ProgramTracker:Authentication:Authority", TestIdentityProvider.IssuerAt(providerPort));
            web.UseSetting("ProgramTracker:Authentication:RequireHttpsMetadata", "false");
            web.UseSetting("ProgramTracker:Authentication:ClientSecret", secret);
        }, kestrel: true);
        Provider = await TestIdentityProvider.StartAsync(AppAddress.ToString(), providerPort, secret);
    }

    public async Task DisposeAsync()
    {
        if (Provider is not null) await Provider.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
        _postgres?.Stop();
    }
}
