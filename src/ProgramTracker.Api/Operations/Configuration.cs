using JasperFx.Events.Projections;
using Marten;
using Marten.Services;

namespace ProgramTracker.Api.Operations;

public static class Configuration
{
    public static StoreOptions AddOperations(this StoreOptions options)
    {
        options.Projections.Add<StreamActivityProjection>(ProjectionLifecycle.Async);
        options.Schema.For<StreamActivity>().DocumentAlias("stream_activity");
        // Counted after commit, whichever code appended them, so a rolled-back transaction counts nothing.
        options.Listeners.Add(new CountCommittedEvents());
        return options;
    }

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        // The store gauges read the database on every metric collection, and every node reports the same
        // database-wide values; a large cluster may keep them on one or two nodes only.
        if (!builder.Configuration.GetValue("ProgramTracker:Telemetry:StoreGauges", true)) return builder;
        builder.Services.AddSingleton<OperationsGauges>();
        builder.Services.AddHostedService<OperationsGaugesStarter>();
        return builder;
    }

    private sealed class CountCommittedEvents : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            Telemetry.Appended(commit.GetEvents().Select(e => e.Data));
            return Task.CompletedTask;
        }
    }

    /// <summary>Creates the gauges when the host starts, so they exist before the first metric collection.</summary>
    private sealed class OperationsGaugesStarter(OperationsGauges gauges) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            GC.KeepAlive(gauges);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
