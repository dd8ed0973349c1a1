using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Testing;

/// <summary>
/// The app in this process (<see cref="WebApplicationFactory{TEntryPoint}"/>) with the settings every test host
/// shares: its environment, its database, and rate limits no test caller reaches. On a TestServer, or on Kestrel at
/// a free 127.0.0.1 port for a real browser.
/// </summary>
public sealed class InProcessHost : IAsyncDisposable
{
    private InProcessHost(WebApplicationFactory<Program> factory, Uri? serverAddress)
    {
        Factory = factory;
        ServerAddress = serverAddress;
    }

    public WebApplicationFactory<Program> Factory { get; }
    public IServiceProvider Services => Factory.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Where Kestrel listens, for a host started with <c>kestrel: true</c>.</summary>
    public Uri? ServerAddress { get; }

    /// <param name="configure">Runs after the shared settings, so its settings win.</param>
    public static InProcessHost Start(string connectionString, string environment = "Testing", Action<IWebHostBuilder>? configure = null,
        bool kestrel = false)
    {
        // With RunJasperFxCommands as the entry point, WebApplicationFactory needs JasperFx to start the host.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("ConnectionStrings:Marten", connectionString);
            // The demo sign-in is opt-in outside Development; test hosts sign their callers in with it.
            web.UseSetting("ProgramTracker:Authentication:DemoSignIn", "true");
            // Tests share one caller; the rate limits themselves are tested in a host of their own.
            web.UseSetting("ProgramTracker:RateLimiting:WritesPerMinute", "10000000");
            web.UseSetting("ProgramTracker:RateLimiting:ReadsPerMinute", "10000000");
            // Mail written with no SMTP server goes to a pickup folder of this host's own, not the repository's .data/mail.
            web.UseSetting("ProgramTracker:Mail:PickupDirectory", Path.Combine(Path.GetTempPath(), "programtracker-mail", Guid.NewGuid().ToString("N")));
            configure?.Invoke(web);
        });
        if (!kestrel)
        {
            using var warmUp = factory.CreateClient();
            return new InProcessHost(factory, null);
        }
        factory.UseKestrel(server => server.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessHost(factory, new Uri(address));
    }

    /// <summary>A bearer token for these claims, issued the way the development sign-in issues them.</summary>
    public string TokenFor(IEnumerable<Claim> claims) => Services.GetRequiredService<DevelopmentTokens>().Issue(claims);

    /// <summary>A client signed in as the demo administrator, who may do everything.</summary>
    public HttpClient CreateClient() => CreateClient(DemoUsers.Administrator);

    public HttpClient CreateClient(DemoUser user) => CreateClient(user.Claims());

    public HttpClient CreateClient(IEnumerable<Claim> claims)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(claims));
        return client;
    }

    /// <summary>A client with no credentials that does not follow redirects; over Kestrel for a Kestrel host.</summary>
    public HttpClient CreateAnonymousClient(string? baseAddress = null)
    {
        if (ServerAddress is { } server) return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server };
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        if (baseAddress is not null) options.BaseAddress = new Uri(baseAddress);
        return Factory.CreateClient(options);
    }

    /// <summary>Waits until the async projections have caught up with every event appended so far.</summary>
    public Task WaitForProjectionsAsync(TimeSpan? timeout = null) =>
        Services.GetRequiredService<IHost>().WaitForNonStaleProjectionDataAsync(timeout ?? TimeSpan.FromSeconds(30));

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
