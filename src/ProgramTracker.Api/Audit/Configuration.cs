using Marten;

namespace ProgramTracker.Api.Audit;

public static class Configuration
{
    /// <summary>The tamper-evident audit trail: append-only events, enforced by PostgreSQL, and their hash chain.</summary>
    public static StoreOptions AddAuditTrail(this StoreOptions options)
    {
        options.Storage.Add(new AppendOnlyEvents());
        options.Events.Subscribe(new AuditChainSubscription());
        return options;
    }
}
