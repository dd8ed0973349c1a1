using System.Collections.Concurrent;
using Marten;

namespace ProgramTracker.Api.Dashboards;

/// <summary>
/// The portfolio's exact totals, each kept with the dashboard projection's progression row as it was when the total was
/// counted. The dashboards change only when that projection's shard moves, and the async daemon writes the documents and
/// the row in one transaction (which sets the row's <c>last_updated</c> to its own timestamp), so while the row still
/// has the position and the <c>last_updated</c> a total was counted at, no dashboard has changed and the total is exact.
/// <see cref="Reads.PortfolioAsync"/> reads the row in the page's own statement (one snapshot) and counts again only
/// when it differs: the count was a scan of every matching dashboard on every page (10,000 rows on a national
/// portfolio, the larger part of PostgreSQL's work for a page). A rebuild writes the row again in transactions of its
/// own, so no total is reused across one, even one that ends at the same position. Kept per node, for the portfolio
/// as everyone who sees every agreement sees it: a user limited to some agreements has them counted by id, which is
/// cheap.
/// </summary>
public sealed class PortfolioTotals(IDocumentStore store)
{
    /// <summary>At most this many filters are kept; past it the kept totals start again from none.</summary>
    public const int MaxKept = 1024;

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    /// <summary>The dashboard projection's row in <c>mt_event_progression</c>.</summary>
    public string Shard { get; } = ShardOf(store);

    /// <summary>The total kept for a filter and the row it was counted at; <see cref="Kept.None"/> when none is kept.</summary>
    public Kept Known(string filter) => _kept.TryGetValue(filter, out var kept) ? kept : Kept.None;

    public void Remember(string filter, Kept kept)
    {
        if (_kept.Count >= MaxKept) _kept.Clear();
        _kept[filter] = kept;
    }

    /// <summary>A total and the progression row's <c>last_seq_id</c> and <c>last_updated</c> when it was counted.</summary>
    public readonly record struct Kept(long Position, DateTime Updated, long Total)
    {
        /// <summary>No total: position -1 matches no row.</summary>
        public static readonly Kept None = new(-1, DateTime.UnixEpoch, 0);
    }

    // The daemon's own shard of the projection, as the projections' status reads them (its name carries the version).
    private static string ShardOf(IDocumentStore store)
    {
        var projection = ((StoreOptions)store.Options).Projections.All.OfType<AgreementDashboardProjection>().Single();
        return Operations.ProjectionStatus.AsyncShards(store).Single(s => s.Name == projection.Name).Identity;
    }
}
