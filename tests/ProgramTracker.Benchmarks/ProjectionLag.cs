using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.Benchmarks;

/// <summary>
/// Scenario 4: writers report progress at a fixed total rate (open loop: each command is sent at its scheduled
/// time) while a poller reads the agreement's dashboard document, written by the async daemon, every few
/// milliseconds. A command's lag is the time from its acknowledgement (the append committed) to the first poll
/// that shows the workstream at that version or later.
/// </summary>
public static class ProjectionLag
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    public static async Task<(Sample Lag, Sample Commands)> MeasureAsync(HttpClient http, IDocumentStore store, Guid agreementId,
        (Guid Workstream, Guid Milestone)[] streams, double perSecond, TimeSpan duration)
    {
        await WaitForDashboardAsync(store, agreementId, streams.Length);

        var acknowledged = streams.ToDictionary(s => s.Workstream, _ => new ConcurrentQueue<(long Version, long At)>());
        var lags = new ConcurrentBag<double>();
        var interval = TimeSpan.FromSeconds(streams.Length / perSecond);
        var each = Math.Max(1, (int)(duration / interval));
        var writing = true;

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
                            lags.Add(Stopwatch.GetElapsedTime(ack.At, seen).TotalMilliseconds);
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
        var lagSample = new Sample(lags.Count, commands.Elapsed, [.. lags]);
        return (lagSample, commands);
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
