using System.Collections.Concurrent;
using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Daemon.HighWater;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// Scenario 4: writers report progress at a fixed total rate (open loop: each command is sent at its scheduled
/// time) while a poller reads the agreement's dashboard document, written by the async daemon, every few
/// milliseconds. A command's lag is the time from its acknowledgement (the append committed) to the first poll
/// that shows the workstream at that version or later. The lag is also split into stages, from the daemon's own
/// shard states: acknowledgement → the high-water mark passing the event's sequence → the dashboard shard
/// committing it → the poll that reads it.
/// </summary>
public static class ProjectionLag
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    public static async Task<(Sample Lag, Sample Commands, Stages Stages)> MeasureAsync(HttpClient http, IDocumentStore store, NpgsqlDataSource db,
        IProjectionDaemon daemon, Guid agreementId, (Guid Workstream, Guid Milestone)[] streams, double perSecond, TimeSpan duration,
        AgentWaits? waits = null)
    {
        await WaitForDashboardAsync(store, agreementId, streams.Length);

        var acknowledged = streams.ToDictionary(s => s.Workstream, _ => new ConcurrentQueue<(long Version, long At)>());
        var shown = new ConcurrentBag<Shown>();
        var interval = TimeSpan.FromSeconds(streams.Length / perSecond);
        var each = Math.Max(1, (int)(duration / interval));
        var writing = true;
        var states = new ShardStates();
        using var subscription = daemon.Tracker.Subscribe(states);

        var poller = Task.Run(async () =>
        {
            var patience = Stopwatch.StartNew();
            while (Volatile.Read(ref writing) || acknowledged.Values.Any(q => !q.IsEmpty))
            {
                if (!Volatile.Read(ref writing) && patience.Elapsed > TimeSpan.FromSeconds(60))
                    throw new TimeoutException("The agreement dashboard did not catch up within 60 s of the last command.");
                await using (var session = store.QuerySession())
                {
                    var dashboard = await session.LoadAsync<AgreementDashboard>(agreementId);
                    var seen = Stopwatch.GetTimestamp();
                    foreach (var workstream in dashboard?.Workstreams ?? [])
                    {
                        if (!acknowledged.TryGetValue(workstream.Id, out var queue)) continue;
                        while (queue.TryPeek(out var ack) && ack.Version <= workstream.Version && queue.TryDequeue(out _))
                            shown.Add(new Shown(workstream.Id, ack.Version, ack.At, seen));
                    }
                }
                if (Volatile.Read(ref writing)) patience.Restart();
                await Task.Delay(PollEvery);
            }
        });

        var start = Stopwatch.GetTimestamp();
        Sample commands;
        try
        {
            commands = await Measure.RunAsync(streams.Length, each, async (w, i) =>
            {
                // Writers are spread evenly over the interval, so the total rate is steady.
                var due = interval * (i + (double)w / streams.Length);
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
                var version = await Commands.RecordProgressAsync(http, streams[w].Workstream, streams[w].Milestone, i);
                acknowledged[streams[w].Workstream].Enqueue((version, Stopwatch.GetTimestamp()));
            });
        }
        finally
        {
            Volatile.Write(ref writing, false);
        }
        await poller;
        var all = shown.ToList();
        var lagSample = new Sample(all.Count, commands.Elapsed, [.. all.Select(s => Stopwatch.GetElapsedTime(s.AckAt, s.SeenAt).TotalMilliseconds)]);
        return (lagSample, commands, await StagesAsync(db, all, states, waits?.Since(start) ?? []));
    }

    private sealed record Shown(Guid Workstream, long Version, long AckAt, long SeenAt);

    /// <summary>Where each command's lag went, from the shard states the daemon published while it ran.</summary>
    public sealed record Stages(Sample ToHighWater, Sample HighWaterToShard, Sample ShardToRead, int Polls, IReadOnlyList<LagTrace.Slow> Slow)
    {
        /// <summary>Events slower than this to the high-water mark are explained (<see cref="LagTrace"/>).</summary>
        public const double SlowMs = 400;

        public static Stages Combine(IEnumerable<Stages> stages)
        {
            var all = stages.ToList();
            return new Stages(Sample.Combine(all.Select(s => s.ToHighWater)), Sample.Combine(all.Select(s => s.HighWaterToShard)),
                Sample.Combine(all.Select(s => s.ShardToRead)), all.Sum(s => s.Polls), [.. all.SelectMany(s => s.Slow)]);
        }

        public string Describe() =>
            $"ack → high-water mark p50 {ToHighWater.P50:0} / p99 {ToHighWater.P99:0} ms; → dashboard shard committed p50 {HighWaterToShard.P50:0} / p99 {HighWaterToShard.P99:0} ms; " +
            $"→ read p50 {ShardToRead.P50:0} / p99 {ShardToRead.P99:0} ms; {Polls} high-water advances";
    }

    private static async Task<Stages> StagesAsync(NpgsqlDataSource db, List<Shown> shown, ShardStates states, List<AgentWait> waits)
    {
        var sequences = new Dictionary<(Guid, long), long>();
        await using (var cmd = db.CreateCommand("select stream_id, version, seq_id from programtracker.mt_events where stream_id = any($1)"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = shown.Select(s => s.Workstream).Distinct().ToArray() });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) sequences[(reader.GetGuid(0), reader.GetInt64(1))] = reader.GetInt64(2);
        }
        var highWater = states.Of(name => name == ShardState.HighWaterMark);
        var dashboard = states.Of(name => name.Contains("Dashboard", StringComparison.Ordinal));
        List<double> toHighWater = [], toShard = [], toRead = [];
        List<LagTrace.Event> traced = [];
        foreach (var s in shown)
        {
            if (!sequences.TryGetValue((s.Workstream, s.Version), out var sequence)) continue;
            var markedAt = FirstAtOrAfter(highWater, sequence);
            var committedAt = FirstAtOrAfter(dashboard, sequence);
            if (markedAt is not { } marked || committedAt is not { } committed) continue;
            toHighWater.Add(Stopwatch.GetElapsedTime(s.AckAt, marked).TotalMilliseconds);
            traced.Add(new LagTrace.Event(sequence, s.AckAt, marked));
            toShard.Add(Stopwatch.GetElapsedTime(marked, committed).TotalMilliseconds);
            toRead.Add(Stopwatch.GetElapsedTime(committed, s.SeenAt).TotalMilliseconds);
        }
        var elapsed = TimeSpan.FromSeconds(1);
        return new Stages(new Sample(toHighWater.Count, elapsed, [.. toHighWater]), new Sample(toShard.Count, elapsed, [.. toShard]),
            new Sample(toRead.Count, elapsed, [.. toRead]), highWater.Count, LagTrace.Explain(traced, highWater, waits, Stages.SlowMs));
    }

    private static long? FirstAtOrAfter(List<(long At, long Sequence)> states, long sequence)
    {
        foreach (var (at, reached) in states)
            if (reached >= sequence) return at;
        return null;
    }

    /// <summary>Each shard state as the daemon's tracker publishes it, stamped when it arrives.</summary>
    private sealed class ShardStates : IObserver<ShardState>
    {
        private readonly ConcurrentQueue<(long At, string Name, long Sequence)> _states = new();

        public void OnNext(ShardState value) => _states.Enqueue((Stopwatch.GetTimestamp(), value.ShardName, value.Sequence));
        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public List<(long At, long Sequence)> Of(Func<string, bool> shard) =>
            [.. _states.Where(s => shard(s.Name)).Select(s => (s.At, s.Sequence))];
    }

    private static async Task WaitForDashboardAsync(IDocumentStore store, Guid agreementId, int workstreams)
    {
        await PollUntilOrThrow(async () =>
        {
            await using var session = store.QuerySession();
            return (await session.LoadAsync<AgreementDashboard>(agreementId))?.Workstreams.Count ?? 0;
        }, shown => shown >= workstreams, TimeSpan.FromSeconds(60), "The agreement dashboard showing the new workstreams", PollEvery);
    }
}

/// <summary>
/// Wraps the app's daemon wake-up so that scenario 4 can alternate, in one run and one app, between the app's
/// wake-up and plain polling (the daemon's waits as timers only, how every node ran before). A switch ends the
/// agent's current wait, so that a round never starts inside a sleep of the other mode (a polling sleep of up to
/// 1 s that nothing can end would otherwise delay the first events of a woken round).
/// </summary>
public sealed class SwitchableWakeup(IDaemonWakeup? app) : IDaemonWakeup
{
    public IDaemonWakeup? App => app;

    private CancellationTokenSource _switched = new();
    private bool _pollingOnly;

    public bool PollingOnly
    {
        get => _pollingOnly;
        set
        {
            if (value == _pollingOnly) return;
            _pollingOnly = value;
            Interlocked.Exchange(ref _switched, new CancellationTokenSource()).Cancel();
        }
    }

    /// <summary>Every wait of the agent, for <see cref="LagTrace"/>.</summary>
    public AgentWaits Waits { get; } = new();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        var from = Stopwatch.GetTimestamp();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(token, Volatile.Read(ref _switched).Token);
        try
        {
            await (PollingOnly || app is null ? Task.Delay(timeout, either.Token) : app.WaitAsync(timeout, either.Token));
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
        }
        finally
        {
            Waits.Add(new AgentWait(from, Stopwatch.GetTimestamp(), timeout));
        }
    }

    public void Dispose() => app?.Dispose();
}
