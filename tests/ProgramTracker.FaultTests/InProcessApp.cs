using Marten;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.FaultTests;

/// <summary>The app in process on a TestServer, with a private throwaway PostgreSQL: fast enough to fuzz.</summary>
public sealed class InProcessApp : IAsyncLifetime
{
    private EmbeddedPostgres? _postgres;
    private InProcessHost? _host;

    public IDocumentStore Store => _host!.Store;
    public string ConnectionString => _postgres!.ConnectionString;

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.StartAsync("tests-faults");
        // Thousands of deliberate conflicts and malformed requests: the tests assert on answers and the store, not logs.
        _host = InProcessHost.Start(_postgres.ConnectionString, configure: web => web.UseSetting("Logging:LogLevel:Default", "Critical"));
    }

    /// <summary>A client signed in as the administrator, who may write anywhere: these tests are about the store, not access.</summary>
    public HttpClient CreateClient() => _host!.CreateClient();

    public async Task DisposeAsync()
    {
        try
        {
            if (_host is not null) await _host.DisposeAsync();
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
