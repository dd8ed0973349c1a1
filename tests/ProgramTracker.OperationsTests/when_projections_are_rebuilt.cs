using JasperFx.Events.Projections;
using Marten;
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
}
