using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
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
    private InProcessHost? _host;

    public List<Activity> Spans { get; } = [];
    public List<MetricSnapshot> Metrics { get; } = [];
    public IServiceProvider Services => _host!.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _postgres = await TestPostgres.StartAsync("tests-operations");
        ConnectionString = await NewDatabaseAsync("operations");

        _host = InProcessHost.Start(ConnectionString, configure: web =>
        {
            // The spans go to an in-memory exporter, not over OTLP: the traces, and Npgsql's among them, are asked for explicitly.
            web.UseSetting(Observability.TracesSetting, "true");
            web.UseSetting(Observability.NpgsqlSpansSetting, "true");
            web.UseSetting("ProgramTracker:Health:MaxProjectionLagSeconds", MaxProjectionLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.ConfigureServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            });
        });
    }

    /// <summary>A client signed in as the administrator: the operations endpoints are theirs.</summary>
    public HttpClient CreateClient() => _host!.CreateClient();

    public Task WaitForProjectionsAsync() => _host!.WaitForProjectionsAsync();

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
    public Task<string> NewDatabaseAsync(string purpose) => TestPostgres.NewDatabaseAsync(_postgres!.ConnectionString, purpose, maxPoolSize: 20);

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _postgres?.Stop();
    }
}

[CollectionDefinition(Name)]
public sealed class OperationsCollection : ICollectionFixture<OperationsFixture>
{
    public const string Name = "operations";
}
