using System.Diagnostics;

namespace ProgramTracker.Testing;

/// <summary>What a poll saw last, whether it saw what it waited for, and how long it looked.</summary>
public sealed record Polled<T>(T Last, bool Met, TimeSpan Elapsed);

public static class Polling
{
    private static readonly TimeSpan DefaultEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Asks <paramref name="probe"/> again every <paramref name="every"/> until its answer satisfies
    /// <paramref name="done"/> or <paramref name="bound"/> has passed; always asks at least once. An exception from
    /// the probe ends the poll: a probe that may fail transiently catches that itself.
    /// </summary>
    public static async Task<Polled<T>> PollUntil<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan bound,
        TimeSpan? every = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var last = await probe();
            if (done(last)) return new Polled<T>(last, true, clock.Elapsed);
            if (clock.Elapsed >= bound || ct.IsCancellationRequested) return new Polled<T>(last, false, clock.Elapsed);
            try { await Task.Delay(every ?? DefaultEvery, ct); }
            catch (OperationCanceledException) { return new Polled<T>(last, false, clock.Elapsed); }
        }
    }

    /// <summary>Polls a yes/no condition; answers whether it became true within the bound.</summary>
    public static async Task<bool> PollUntil(Func<Task<bool>> condition, TimeSpan bound, TimeSpan? every = null, CancellationToken ct = default) =>
        (await PollUntil(condition, met => met, bound, every, ct)).Met;

    /// <summary>Polls until the value satisfies <paramref name="done"/>, or throws a <see cref="TimeoutException"/> naming what was waited for and what was seen last.</summary>
    public static async Task<T> PollUntilOrThrow<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan bound, string waitingFor,
        TimeSpan? every = null, Func<T, string>? describe = null)
    {
        var polled = await PollUntil(probe, done, bound, every);
        if (polled.Met) return polled.Last;
        throw new TimeoutException($"{waitingFor} did not happen within {bound.TotalSeconds:0.#} s; last seen: {(describe ?? (v => $"{v}"))(polled.Last)}");
    }
}
