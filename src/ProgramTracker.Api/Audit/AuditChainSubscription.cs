using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace ProgramTracker.Api.Audit;

/// <summary>
/// The chain's single writer. The daemon hands it pages in sequence order and only up to its high-water mark,
/// past which no lower sequence number can still commit; the page's events themselves are not used, because
/// the chain hashes the rows as PostgreSQL stores them, tombstones and all.
/// </summary>
public sealed class AuditChainSubscription : SubscriptionBase
{
    public const string SubscriptionName = "AuditChain";

    public AuditChainSubscription()
    {
        Name = SubscriptionName;
        Options.BatchSize = 1000;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await using var conn = operations.Database.CreateConnection();
        await conn.OpenAsync(cancellationToken);
        await AuditChain.ExtendAsync(conn, page.SequenceCeiling, cancellationToken);
        return NullChangeListener.Instance;
    }
}
