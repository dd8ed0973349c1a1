using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using ProgramTracker.Api.Operations;

namespace ProgramTracker.OperationsTests;

public class when_projections_are_rebuilt(OperationsFixture app) : OperationsContext(app)
{
    [Fact]
    public void every_projection_but_stream_activity_loads_only_its_own_event_types()
    {
        // Marten filters the events a rebuild loads by type only when the allow-list is non-empty and names no
        // interface; otherwise every projection reads and deserialises the whole store (README, Performance, 6).
        var projections = ((StoreOptions)App.Store.Options).Projections.All
            .Where(p => p is EventFilterable).ToDictionary(p => p.Name, p => (EventFilterable)p);

        projections.Keys.ShouldContain(StreamActivityProjection.ProjectionName);
        foreach (var (name, projection) in projections.Where(p => p.Key != StreamActivityProjection.ProjectionName))
        {
            projection.IncludedEventTypes.ShouldNotBeEmpty(name);
            projection.IncludedEventTypes.Where(t => t.IsInterface || t.IsAbstract).ShouldBeEmpty(name);
        }
        projections["Workstream"].IncludedEventTypes.ShouldContain(typeof(ProgramTracker.Api.Workstreams.MilestoneProgressReported));
        projections["AgreementDashboard"].IncludedEventTypes.ShouldContain(typeof(ProgramTracker.Api.Agreements.AgreementRegistered));
    }

    [Fact]
    public void a_rebuild_walks_the_store_in_batches_of_the_configured_size()
    {
        var batchSize = ProgramTracker.Api.Hosting.ProjectionDaemon.DefaultBatchSize;
        foreach (var projection in ((StoreOptions)App.Store.Options).Projections.All)
        {
            projection.Options.BatchSize.ShouldBe(batchSize, projection.Name);
            projection.Options.MaximumHopperSize.ShouldBeGreaterThanOrEqualTo(2 * batchSize, projection.Name);
        }
    }

    [Fact]
    public void a_rebuild_runs_one_more_projection_at_once_than_there_are_cores()
    {
        // Unbounded, every projection rebuilt at once on 2 cores and spent more in GC (README, Performance, 6).
        var options = (StoreOptions)App.Store.Options;
        options.Projections.MaxConcurrentRebuildsPerDatabase.ShouldBe(Environment.ProcessorCount + 1);
        ((JasperFx.Events.IEventStore)App.Store).MaxConcurrentRebuildsPerDatabase.ShouldBe(Environment.ProcessorCount + 1);
    }

    [Fact]
    public void the_rebuild_concurrency_is_a_setting()
    {
        var settings = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ProgramTracker:Projections:RebuildConcurrency"] = "0" })
            .Build();
        // 0 (or less) leaves the rebuild unbounded, as JasperFx's command had it.
        ProgramTracker.Api.Hosting.ProjectionDaemon.RebuildConcurrency(settings).ShouldBe(0);
        ProgramTracker.Api.Hosting.ProjectionDaemon.RebuildConcurrency(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .ShouldBe(Environment.ProcessorCount + 1);
    }
}
