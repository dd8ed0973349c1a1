using System.Diagnostics;
using JasperFx.Events.Daemon.HighWater;
using Marten;
using Marten.Services;

namespace ProgramTracker.Api.Hosting;

/// <summary>How quickly the async daemon sees new events (see README, Performance, scenario 4).</summary>
public static class ProjectionDaemon
{
    public static StoreOptions AddProjectionDaemonTuning(this StoreOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection("ProgramTracker:Projections");
        // With ListenNotify on, Marten installs its own wake-up when the daemon starts, replacing the one below.
        options.Events.UseListenNotifyForEventAppends = section.GetValue("ListenNotify", false);
        // Marten's polls, for events this node was not woken for (appended by another node): 250 ms while busy, 1 s caught up.
        if (section.GetValue<int?>("FastPollingMs") is { } fast) options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(fast);
        if (section.GetValue<int?>("SlowPollingMs") is { } slow) options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(slow);
        // On by default: in the quiet full run (2 cores, 210 commands/s) it took the lag from p50 533 / p99 1,036 ms to
        // p50 158 / p99 585 ms. On a CPU-starved node (load average 60+) the shards' extra, smaller batches cost more
        // than the shorter wait saved; such a node can turn it off.
        if (section.GetValue("WakeOnCommit", true))
        {
            var wakeup = new CommittedEventsWakeup(TimeSpan.FromMilliseconds(section.GetValue("PollSpacingMs", 250)))
            {
                // Off until a quiet run decides: on the loaded machine it polled more and did not show a shorter p99 either way.
                WakeWhenGapFills = section.GetValue("WakeWhenGapFills", false),
            };
            options.Projections.Wakeup = wakeup;
            options.Listeners.Add(wakeup);
        }
        return options;
    }

    /// <summary>
    /// How many events a projection's batch spans, for every projection registered so far (call it last). A rebuild
    /// walks the store in pages of this many sequence numbers, each page one transaction with its own progress write and
    /// document loads. The default is Marten's 500. Batches of 5,000 once stalled a rebuild of 1,000,000 events: the
    /// prepared page query had fallen to a generic plan that read every event above the floor for each page, which
    /// custom plans in the rebuild commands now prevent (<see cref="MartenSetup.WithCustomPlans"/>); since then 500,
    /// 2,000 and 5,000 cost about the same CPU (README, Performance, scenario 6). Live batches are as small as the
    /// events that arrived.
    /// </summary>
    public const int DefaultBatchSize = 500;

    /// <summary>
    /// How many projections a rebuild (the <c>projections rebuild</c> command, or the admin endpoint) runs at once:
    /// one more than the cores, by default. Unbounded, all ten ran at once on 2 cores, each holding a page of events and
    /// its documents: with 3 at a time a rebuild of 200,034 events spent 2.3–2.8 s in GC pauses instead of 3.8–4.8 s,
    /// and 23–27 s of CPU instead of 28–29 s (README, Performance, scenario 6). The command's --max-concurrent wins.
    /// </summary>
    public static int RebuildConcurrency(IConfiguration configuration) =>
        configuration.GetValue<int?>("ProgramTracker:Projections:RebuildConcurrency") ?? Environment.ProcessorCount + 1;

    public static StoreOptions AddProjectionBatchSize(this StoreOptions options, IConfiguration configuration)
    {
        options.Projections.MaxConcurrentRebuildsPerDatabase = RebuildConcurrency(configuration);
        var batchSize = configuration.GetValue("ProgramTracker:Projections:BatchSize", DefaultBatchSize);
        foreach (var projection in options.Projections.All)
        {
            projection.Options.BatchSize = batchSize;
            projection.Options.MaximumHopperSize = Math.Max(projection.Options.MaximumHopperSize, 2 * batchSize);
        }
        return options;
    }
}

/// <summary>
/// Wakes this node's high-water agent when a session of this node commits events, instead of leaving them to the
/// next poll (250 ms while busy, 1 s once caught up, and 1 s whenever a poll finds the sequence ahead of a gap).
/// Unlike LISTEN/NOTIFY it adds nothing to the append's transaction: a NOTIFY takes one database-wide lock from
/// commit until the commit is flushed, so it serialises every writer's commit. Events appended by other nodes are
/// still found by polling. Polls stay at least <see cref="Spacing"/> apart (250 ms, Marten's own busy rate, by
/// default), so a busy node polls no more often than before and its projections write no more, smaller batches: on
/// a CPU-starved node, 50 ms made the shards' work grow more than the wait shrank (README, Performance, scenario 4).
/// One exception, <see cref="WakeWhenGapFills"/>: a commit of a sequence below one this node had already committed
/// when the agent last polled was still in flight during that poll, so the poll stopped the mark below it and held
/// back every event above it; the agent polls again at once instead of a whole spacing later (once, then spaced).
/// </summary>
internal sealed class CommittedEventsWakeup(TimeSpan spacing) : DocumentSessionListenerBase, IDaemonWakeup
{
    // One pending wake-up at most: a commit while the agent is polling is kept, not drained, so it is never missed.
    private readonly SemaphoreSlim _committed = new(0, 1);
    private long _lastWokenAt;
    private long _highestCommitted;
    private long _highestAtLastPoll;
    private int _gapFilled;
    private bool _lastPollFilledGap;

    public TimeSpan Spacing { get; set; } = spacing;

    public bool WakeWhenGapFills { get; set; }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        long lowest = long.MaxValue, highest = 0;
        var any = false;
        foreach (var @event in commit.GetEvents())
        {
            any = true;
            lowest = Math.Min(lowest, @event.Sequence);
            highest = Math.Max(highest, @event.Sequence);
        }
        if (!any) return Task.CompletedTask;
        for (var seen = Volatile.Read(ref _highestCommitted); highest > seen; seen = Volatile.Read(ref _highestCommitted))
            if (Interlocked.CompareExchange(ref _highestCommitted, highest, seen) == seen) break;
        // A sequence of 0 is one Marten did not report back: only a known sequence can tell a filled gap.
        if (WakeWhenGapFills && lowest > 0 && lowest < Volatile.Read(ref _highestAtLastPoll)) Volatile.Write(ref _gapFilled, 1);
        if (_committed.CurrentCount == 0)
        {
            try { _committed.Release(); }
            catch (SemaphoreFullException) { }
        }
        return Task.CompletedTask;
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        await _committed.WaitAsync(timeout, token);
        var gapFilled = Volatile.Read(ref _gapFilled) == 1 && !_lastPollFilledGap;
        // 0 is "never woken": the first poll waits for no spacing. (Stopwatch's timestamps count from the machine's boot,
        // so measuring from 0 made the first wake-up wait out whatever of the spacing the uptime had not covered.)
        var lastWokenAt = Volatile.Read(ref _lastWokenAt);
        if (!gapFilled && lastWokenAt != 0)
        {
            var sinceLast = Stopwatch.GetElapsedTime(lastWokenAt);
            if (sinceLast < Spacing) await Task.Delay(Spacing - sinceLast, token);
        }
        _lastPollFilledGap = gapFilled;
        // What this node committed before the poll that follows is what that poll can see.
        Volatile.Write(ref _gapFilled, 0);
        Volatile.Write(ref _highestAtLastPoll, Volatile.Read(ref _highestCommitted));
        Volatile.Write(ref _lastWokenAt, Stopwatch.GetTimestamp());
    }

    public void Dispose() { }
}
