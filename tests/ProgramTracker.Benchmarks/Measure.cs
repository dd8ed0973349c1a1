using System.Diagnostics;

namespace ProgramTracker.Benchmarks;

public sealed record Sample(int Operations, TimeSpan Elapsed, double[] LatenciesMs)
{
    public static Sample Combine(IEnumerable<Sample> samples)
    {
        var all = samples.ToList();
        return new Sample(all.Sum(s => s.Operations), TimeSpan.FromTicks(all.Sum(s => s.Elapsed.Ticks)),
            [.. all.SelectMany(s => s.LatenciesMs)]);
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
        clock.Start();
        gate.SetResult();
        await Task.WhenAll(loops);
        clock.Stop();
        return new Sample(writers * each, clock.Elapsed, latencies);
    }
}
