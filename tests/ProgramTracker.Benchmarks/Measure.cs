using System.Diagnostics;

namespace ProgramTracker.Benchmarks;

public sealed record Sample(int Operations, TimeSpan Elapsed, double[] LatenciesMs)
{
    /// <summary>The garbage collections of the whole process while the sample ran (the app in process, the client and the baseline alike).</summary>
    public Collections Gc { get; init; } = new(TimeSpan.Zero, 0, 0, 0);

    public static Sample Combine(IEnumerable<Sample> samples)
    {
        var all = samples.ToList();
        return new Sample(all.Sum(s => s.Operations), TimeSpan.FromTicks(all.Sum(s => s.Elapsed.Ticks)),
            [.. all.SelectMany(s => s.LatenciesMs)])
        {
            Gc = new(TimeSpan.FromTicks(all.Sum(s => s.Gc.Paused.Ticks)), all.Sum(s => s.Gc.Gen0), all.Sum(s => s.Gc.Gen1), all.Sum(s => s.Gc.Gen2)),
        };
    }

    public double PerSecond => Operations / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>How long the runtime paused the process for garbage collections, and how many of each generation it ran.</summary>
public sealed record Collections(TimeSpan Paused, int Gen0, int Gen1, int Gen2)
{
    public static Collections SoFar() =>
        new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static Collections operator -(Collections after, Collections before) =>
        new(after.Paused - before.Paused, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);

    /// <summary>CollectionCount(0) counts every collection (a gen1 or gen2 one collects gen0 too): the gen0-only ones are the rest.</summary>
    public string Describe(TimeSpan over) =>
        $"GC paused {Paused.TotalMilliseconds:0} ms in {over.TotalSeconds:0.0} s ({Gen0 - Gen1} gen0, {Gen1 - Gen2} gen1, {Gen2} gen2)";
}

public static class Measure
{
    /// <summary><paramref name="writers"/> concurrent loops, each doing <paramref name="each"/> operations; every one timed.</summary>
    public static async Task<Sample> RunAsync(int writers, int each, Func<int, int, Task> operation)
    {
        var latencies = new double[writers * each];
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var loops = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await gate.Task;
            for (var i = 0; i < each; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await operation(w, i);
                latencies[w * each + i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        })).ToList();
        var gc = Collections.SoFar();
        clock.Start();
        gate.SetResult();
        await Task.WhenAll(loops);
        clock.Stop();
        return new Sample(writers * each, clock.Elapsed, latencies) { Gc = Collections.SoFar() - gc };
    }

    /// <summary>
    /// Runs <paramref name="operation"/> in batches until a batch leaves the JIT with nothing new to compile, the
    /// pause after it included (tiered compilation recompiles a method at tier 1 after 30 calls, once no new tier-0
    /// method has appeared for 100 ms, on a background thread whose CPU the process's counts would include). A node
    /// serves the same pages for days: what it costs then is what the counts and the timings are about, not the
    /// first minutes of a process. Answers how many runs that took and how many methods were compiled meanwhile.
    /// </summary>
    public static async Task<(int Runs, int Compiled)> UntilCompiledAsync(Func<int, Task> operation, int batch = 25, int atMost = 2_000)
    {
        var first = System.Runtime.JitInfo.GetCompiledMethodCount();
        var runs = 0;
        long before;
        do
        {
            before = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < batch; i++) await operation(runs++);
            await Task.Delay(300);
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() != before && runs < atMost);
        return (runs, (int)(System.Runtime.JitInfo.GetCompiledMethodCount() - first));
    }
}
