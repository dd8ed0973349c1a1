using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Money;

public static class Configuration
{
    public static StoreOptions AddMoney(this StoreOptions options)
    {
        options.Projections.Add<AgreementMoneyProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<WorkstreamMoneyProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<AgreementMoney>().DocumentAlias("agreement_money");
        options.Schema.For<WorkstreamMoney>().DocumentAlias("workstream_money").Duplicate(w => w.AgreementId);
        return options;
    }
}

public sealed partial class AgreementMoneyProjection : SingleStreamProjection<AgreementMoney, Guid>
{
    // Registered starts the snapshot (it carries the parties); everything else the agreement records passes by.
    public AgreementMoneyProjection()
    {
        IncludeType<AgreementRegistered>();
        this.IncludeEventsOf<IAgreementMoneyEvent>();
    }

    public override AgreementMoney? Evolve(AgreementMoney? snapshot, Guid id, IEvent e) => AgreementMoney.Fold(snapshot, e);
}

public sealed partial class WorkstreamMoneyProjection : SingleStreamProjection<WorkstreamMoney, Guid>
{
    public WorkstreamMoneyProjection()
    {
        IncludeType<WorkstreamOpened>();
        this.IncludeEventsOf<IWorkstreamMoneyEvent>();
    }

    public override WorkstreamMoney? Evolve(WorkstreamMoney? snapshot, Guid id, IEvent e) => WorkstreamMoney.Fold(snapshot, e);
}

public static class MoneyServices
{
    public static IServiceCollection AddMoneySampleData(this IServiceCollection services) =>
        services.AddSingleton<SampleData.ISampleData, MoneySampleData>();
}
