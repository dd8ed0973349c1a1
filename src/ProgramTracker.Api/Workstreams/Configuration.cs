using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Workstreams;

public static class Configuration
{
    public static StoreOptions AddWorkstreams(this StoreOptions options)
    {
        options.Projections.Add<WorkstreamProjection>(ProjectionLifecycle.Inline);
        // Every request of a project officer asks which workstreams name them (Security/Access.cs): without this index
        // that is a scan of every workstream document.
        options.Schema.For<Workstream>().GinIndexJsonDataMember(w => w.Officers);
        return options;
    }
}

public sealed partial class WorkstreamProjection : SingleStreamProjection<Workstream, Guid>
{
    // Without an allow-list every append (an agreement's too) makes SaveChanges load a Workstream document first.
    public WorkstreamProjection() => this.IncludeEventsOf<IWorkstreamEvent>();

    public override Workstream? Evolve(Workstream? snapshot, Guid id, IEvent e) => Workstream.Fold(snapshot, e);
}
