using System.Diagnostics;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.OperationsTests;

/// <summary>
/// One throwaway PostgreSQL cluster for the operations tests, and one in-process app whose telemetry goes to
/// in-memory exporters. Tests that need a database of their own (an import target, a two-node cluster) get a
/// fresh one on the same cluster through <see cref="NewDatabaseAsync"/>.
/// </summary>
public sealed class OperationsFixture : IAsyncLifetime
{
    public const double MaxProjectionLagSeconds = 1;

    private EmbeddedPostgres? _postgres;
    private WebApplicationFactory<Program>? _factory;

    public List<Activity> Spans { get; } = [];
    public List<MetricSnapshot> Metrics { get; } = [];
    public IServiceProvider Services => _factory!.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        _postgres = await EmbeddedPostgres.StartThrowawayAsync("tests-operations");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _postgres.Stop();
        ConnectionString = await NewDatabaseAsync("operations");

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ProgramTracker:Authentication:DemoSignIn", "true");
            web.UseSetting("ConnectionStrings:Marten", ConnectionString);
            web.UseSetting("ProgramTracker:Health:MaxProjectionLagSeconds", MaxProjectionLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("ProgramTracker:RateLimiting:WritesPerMinute", "10000000");
            web.UseSetting("ProgramTracker:RateLimiting:ReadsPerMinute", "10000000");
            web.ConfigureServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            });
        });
        using var warmUp = _factory.CreateClient();
    }

    /// <summary>A client signed in as the administrator: the operations endpoints are theirs.</summary>
    public HttpClient CreateClient()
    {
        var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            _factory.Services.GetRequiredService<ProgramTracker.Api.Security.DevelopmentTokens>().Issue(ProgramTracker.Api.Security.DemoUsers.Administrator));
        return client;
    }

    public Task WaitForProjectionsAsync() =>
        Services.GetRequiredService<IHost>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    /// <summary>Collects every metric now, so the snapshots in <see cref="Metrics"/> are current.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        lock (Metrics)
        {
            Metrics.Clear();
            Services.GetRequiredService<MeterProvider>().ForceFlush();
            return [.. Metrics];
        }
    }

    public IReadOnlyList<Activity> SpansSnapshot()
    {
        // The exporter appends from whichever thread ends a span; retry a copy that raced with it.
        for (var attempt = 0; ; attempt++)
        {
            try { return Spans.ToArray(); }
            catch (ArgumentException) when (attempt < 5) { }
            catch (InvalidOperationException) when (attempt < 5) { }
        }
    }

    /// <summary>An empty database on the test cluster, for a node or an import of its own.</summary>
    public async Task<string> NewDatabaseAsync(string purpose)
    {
        var name = $"{purpose}_{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        var admin = new NpgsqlConnectionStringBuilder(_postgres!.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", conn);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        _postgres?.Stop();
    }
}

[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<OperationsFixture>
{
    public const string Name = "operations";
}
