using System.Net.Http.Json;
using System.Security.Claims;
using Marten;
using Marten.Events;
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
    private InProcessHost? _host;

    public IServiceProvider Services => _host!.Services;
    public IDocumentStore Store => _host!.Store;
    public string ConnectionString => _postgres!.ConnectionString;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.StartAsync("tests");
        _host = InProcessHost.Start(_postgres.ConnectionString,
            configure: web => web.UseSetting("ProgramTracker:SampleData:LoadOnStart", "true"));
    }

    /// <summary>A client signed in as the demo administrator, who may do everything: most tests are about the domain, not access.</summary>
    public HttpClient CreateClient() => _host!.CreateClient();

    /// <summary>A client that carries a bearer token for this user, issued the way the development sign-in issues them.</summary>
    public HttpClient CreateClient(DemoUser user) => _host!.CreateClient(user);

    public HttpClient CreateClient(IEnumerable<Claim> claims) => _host!.CreateClient(claims);

    public HttpClient CreateAnonymousClient() => _host!.CreateAnonymousClient();

    /// <summary>Waits until the async projections have caught up with every event appended so far.</summary>
    public Task WaitForProjectionsAsync() => _host!.WaitForProjectionsAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
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
