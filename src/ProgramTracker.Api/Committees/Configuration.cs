using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.People;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.Api.Committees;

public static class Configuration
{
    public static StoreOptions AddCommittees(this StoreOptions options)
    {
        options.Projections.Add<CommitteeProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Committee>().Index(c => c.AgreementId);
        options.Projections.Add<PersonAssignmentsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PersonAssignments>().DocumentAlias("person_assignments");
        return options;
    }

    /// <summary>The committees of the sample agreements; loaded after the agreements (see <see cref="CommitteeSampleData"/>).</summary>
    public static IServiceCollection AddCommitteeSampleData(this IServiceCollection services) =>
        services.AddSingleton<ISampleData, CommitteeSampleData>();
}

public sealed partial class CommitteeProjection : SingleStreamProjection<Committee, Guid>
{
    // Without an allow-list every append (each progress report on a workstream too) makes SaveChanges look for a
    // Committee document first: one round trip more per command, for nothing.
    public CommitteeProjection() => this.IncludeEventsOf<ICommitteeEvent>();

    public override Committee? Evolve(Committee? snapshot, Guid id, IEvent e) => Committee.Fold(snapshot, e);
}
