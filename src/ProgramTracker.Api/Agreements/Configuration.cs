using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Agreements;

public static class Configuration
{
    public static StoreOptions AddAgreements(this StoreOptions options)
    {
        options.Projections.Add<AgreementProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Agreement>().UniqueIndex(a => a.Code);
        // Every signed-in request asks which agreements name the person as a reviewer (Security/Access.cs).
        options.Schema.For<Agreement>().GinIndexJsonDataMember(a => a.Reviewers);
        return options;
    }
}

public sealed partial class AgreementProjection : SingleStreamProjection<Agreement, Guid>
{
    // Without an allow-list every append (a workstream's too) makes SaveChanges load an Agreement document first.
    public AgreementProjection() => this.IncludeEventsOf<IAgreementEvent>();

    public override Agreement? Evolve(Agreement? snapshot, Guid id, IEvent e) => Agreement.Fold(snapshot, e);
}
