using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// One private PostgreSQL cluster and one app host for the whole test run. Tests do not reset the database:
/// each works on agreements it creates itself, which is also how real users share one store.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private EmbeddedPostgres? _postgres;
    private WebApplicationFactory<Program>? _factory;

    public IServiceProvider Services => _factory!.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public string ConnectionString => _postgres!.ConnectionString;

    public async Task InitializeAsync()
    {
        // With RunJasperFxCommands as the entry point, WebApplicationFactory needs JasperFx to start the host.
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        _postgres = await EmbeddedPostgres.StartThrowawayAsync("tests");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _postgres.Stop();

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ProgramTracker:Authentication:DemoSignIn", "true");
            web.UseSetting("ConnectionStrings:Marten", _postgres.ConnectionString);
            web.UseSetting("ProgramTracker:SampleData:LoadOnStart", "true");
            // Every test shares one caller; the rate limits themselves are tested in a host of their own.
            web.UseSetting("ProgramTracker:RateLimiting:WritesPerMinute", "10000000");
            web.UseSetting("ProgramTracker:RateLimiting:ReadsPerMinute", "10000000");
        });
        using var warmUp = _factory.CreateClient();
    }

    /// <summary>A client signed in as the demo administrator, who may do everything: most tests are about the domain, not access.</summary>
    public HttpClient CreateClient() => CreateClient(DemoUsers.Administrator);

    /// <summary>A client that carries a bearer token for this user, issued the way the development sign-in issues them.</summary>
    public HttpClient CreateClient(DemoUser user) => CreateClient(user.Claims());

    public HttpClient CreateClient(IEnumerable<Claim> claims)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Services.GetRequiredService<DevelopmentTokens>().Issue(claims));
        return client;
    }

    public HttpClient CreateAnonymousClient() => _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Waits until the async projections have caught up with every event appended so far.</summary>
    public Task WaitForProjectionsAsync() =>
        Services.GetRequiredService<IHost>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        _postgres?.Stop();
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}

[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture app)
{
    protected AppFixture App { get; } = app;
    protected HttpClient Http { get; } = app.CreateClient();

    protected async Task<HttpResponseMessage> Post(string url, object body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        configure?.Invoke(request);
        return await Http.SendAsync(request);
    }

    protected async Task<HttpResponseMessage> PostRaw(string url, string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await Http.PostAsync(url, content);
    }

    protected async Task<long> EventCount()
    {
        await using var session = App.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
