using System.Net.Http.Headers;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Security;

namespace ProgramTracker.FaultTests;

/// <summary>The app in process on a TestServer, with a private throwaway PostgreSQL: fast enough to fuzz.</summary>
public sealed class InProcessApp : IAsyncLifetime
{
    private EmbeddedPostgres? _postgres;
    private WebApplicationFactory<Program>? _factory;

    public IDocumentStore Store => _factory!.Services.GetRequiredService<IDocumentStore>();
    public string ConnectionString => _postgres!.ConnectionString;

    public async Task InitializeAsync()
    {
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        _postgres = await EmbeddedPostgres.StartThrowawayAsync("tests-faults");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _postgres.Stop();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ProgramTracker:Authentication:DemoSignIn", "true");
            web.UseSetting("ConnectionStrings:Marten", _postgres.ConnectionString);
            // Thousands of deliberate conflicts and malformed requests: the tests assert on answers and the store, not logs.
            web.UseSetting("Logging:LogLevel:Default", "Critical");
            // 32 writers and thousands of malformed requests from one caller: far above a real user's limit.
            web.UseSetting("ProgramTracker:RateLimiting:WritesPerMinute", "10000000");
            web.UseSetting("ProgramTracker:RateLimiting:ReadsPerMinute", "10000000");
        });
        using var warmUp = _factory.CreateClient();
    }

    /// <summary>A client signed in as the administrator, who may write anywhere: these tests are about the store, not access.</summary>
    public HttpClient CreateClient()
    {
        var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            _factory.Services.GetRequiredService<DevelopmentTokens>().Issue(DemoUsers.Administrator));
        return client;
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_factory is not null) await _factory.DisposeAsync();
        }
        finally
        {
            _postgres?.Stop();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InProcessCollection : ICollectionFixture<InProcessApp>
{
    public const string Name = "faults-in-process";
}
