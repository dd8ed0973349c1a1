using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ProgramTracker.Benchmarks;

/// <summary>One wait of the high-water agent between two polls: when it began and ended, and the timeout it asked for.</summary>
public readonly record struct AgentWait(long From, long Until, TimeSpan Timeout);

/// <summary>
/// Why the slowest events of scenario 4 waited for the high-water mark: for each event that took longer than a bound
/// to be passed by the mark, what the agent did from the event's acknowledgement until then (its waits, the marks it
/// published) and which append the mark was held behind. Counted, not timed, so it is fair on a loaded machine.
/// </summary>
public static class LagTrace
{
    public sealed record Event(long Sequence, long AckAt, long MarkedAt);

    public sealed record Slow(double ToMarkMs, string Cause, string Timeline);

    public static List<Slow> Explain(IReadOnlyList<Event> events, IReadOnlyList<(long At, long Sequence)> marks, IReadOnlyList<AgentWait> waits,
        double boundMs)
    {
        var ackOf = events.ToDictionary(e => e.Sequence, e => e.AckAt);
        var slow = new List<Slow>();
        foreach (var e in events)
        {
            var toMark = Stopwatch.GetElapsedTime(e.AckAt, e.MarkedAt).TotalMilliseconds;
            if (toMark < boundMs) continue;
            // The mark the agent held before it passed this event: the next sequence above it was what held it.
            var held = marks.Where(m => m.At < e.MarkedAt && m.Sequence < e.Sequence).Select(m => m.Sequence).DefaultIfEmpty(0).Max();
            var blocker = held + 1;
            var during = waits.Where(w => w.Until > e.AckAt && w.From < e.MarkedAt).ToList();
            var longest = during.Count == 0 ? default : during.MaxBy(w => w.Until - w.From);
            var longestMs = during.Count == 0 ? 0 : Stopwatch.GetElapsedTime(longest.From, longest.Until).TotalMilliseconds;
            var polls = during.Zip(during.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.Until, b.From).TotalMilliseconds).DefaultIfEmpty(0).Max();
            string cause;
            if (blocker != e.Sequence && ackOf.TryGetValue(blocker, out var blockerAck) && blockerAck > e.AckAt)
                cause = $"held behind an earlier sequence acknowledged {Stopwatch.GetElapsedTime(e.AckAt, blockerAck).TotalMilliseconds:0} ms after it";
            else if (blocker != e.Sequence && !ackOf.ContainsKey(blocker))
                cause = "held behind a sequence that is not one of the measured commands (another append, or a gap)";
            else if (longestMs >= boundMs / 2)
                cause = $"one wait of {longestMs:0} ms (timeout {longest.Timeout.TotalMilliseconds:0} ms)";
            else if (polls >= boundMs / 2)
                cause = $"one poll of {polls:0} ms";
            else
                cause = $"{during.Count} waits, longest {longestMs:0} ms (timeout {longest.Timeout.TotalMilliseconds:0}), longest poll {polls:0} ms";
            slow.Add(new Slow(toMark, cause, Timeline(e, held, ackOf, marks, waits)));
        }
        return slow;
    }

    private static string Timeline(Event e, long held, Dictionary<long, long> ackOf, IReadOnlyList<(long At, long Sequence)> marks, IReadOnlyList<AgentWait> waits)
    {
        double At(long t) => Stopwatch.GetElapsedTime(e.AckAt, t).TotalMilliseconds * (t >= e.AckAt ? 1 : -1);
        var text = new StringBuilder($"seq {e.Sequence}: ");
        var from = e.AckAt - Stopwatch.Frequency / 2;
        var items = waits.Where(w => w.Until > from && w.From < e.MarkedAt)
            .Select(w => (w.From, $"wait {w.Timeout.TotalMilliseconds:0}→{Stopwatch.GetElapsedTime(w.From, w.Until).TotalMilliseconds:0}"))
            .Concat(marks.Where(m => m.At > from && m.At <= e.MarkedAt).Select(m => (m.At, $"mark {m.Sequence - e.Sequence:+0;-0;0}")))
            .Append((e.AckAt, "ACK"));
        if (ackOf.TryGetValue(held + 1, out var blockerAck) && held + 1 != e.Sequence) items = items.Append((blockerAck, $"ack of {held + 1 - e.Sequence:+0;-0}"));
        foreach (var (at, what) in items.OrderBy(i => i.Item1)) text.Append($"{At(at):0} {what}; ");
        return text.ToString();
    }

    public static string Summarise(IReadOnlyList<Slow> slow, int events, double boundMs, int examples)
    {
        var text = new StringBuilder($"{slow.Count} of {events} events waited ≥ {boundMs:0} ms for the high-water mark");
        foreach (var group in slow.GroupBy(s => Kind(s.Cause)).OrderByDescending(g => g.Count()))
            text.Append($"\n      {group.Count()}: {group.Key}");
        foreach (var s in slow.OrderByDescending(s => s.ToMarkMs).Take(examples))
            text.Append($"\n      {s.ToMarkMs:0} ms, {s.Cause}: {s.Timeline}");
        return text.ToString();
    }

    private static string Kind(string cause) => cause.StartsWith("held behind an earlier") ? "held behind an earlier append acknowledged after it"
        : cause.StartsWith("one wait") ? $"one long wait (timeout {cause[(cause.IndexOf("timeout ") + 8)..]}"
        : cause.StartsWith("one poll") ? "one long poll" : cause.StartsWith("held behind a sequence") ? cause : "several waits and polls";
}

/// <summary>The agent's waits, as <see cref="SwitchableWakeup"/> records them.</summary>
public sealed class AgentWaits
{
    private readonly ConcurrentQueue<AgentWait> _waits = new();

    public void Add(AgentWait wait) => _waits.Enqueue(wait);

    public List<AgentWait> Since(long from) => [.. _waits.Where(w => w.Until >= from)];
}

/// <summary>
/// One of scenario 4's settings to alternate (<c>--lag-variants</c>): comma-separated <c>key=value</c> pairs, applied
/// to the running app between rounds. Keys: <c>wake</c> on|off (the wake-up on commit), <c>spacing</c> ms (its least
/// time between polls), <c>gapwake</c> on|off (its poll at once when an append it was held behind commits), and the
/// daemon's own <c>fast</c>, <c>slow</c> and <c>stale</c> (ms). Anything not named is as the app was started.
/// </summary>
public static class LagVariant
{
    private static (TimeSpan Fast, TimeSpan Slow, TimeSpan Stale, TimeSpan Spacing, bool GapWake)? _started;

    public static void Apply(string variant, SwitchableWakeup switchable, Marten.DocumentStore store)
    {
        var daemon = store.Options.Projections;
        var app = switchable.App as ProgramTracker.Api.Hosting.CommittedEventsWakeup;
        _started ??= (daemon.FastPollingTime, daemon.SlowPollingTime, daemon.StaleSequenceThreshold, app?.Spacing ?? TimeSpan.Zero, app?.WakeWhenGapFills ?? false);
        var (fast, slow, stale, spacing, gapWake) = _started.Value;
        var pollingOnly = false;
        foreach (var pair in variant.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=')[0].Trim(), pair.Split('=')[1].Trim());
            switch (key)
            {
                case "wake": pollingOnly = value == "off"; break;
                case "spacing": spacing = TimeSpan.FromMilliseconds(double.Parse(value)); break;
                case "gapwake": gapWake = value == "on"; break;
                case "fast": fast = TimeSpan.FromMilliseconds(double.Parse(value)); break;
                case "slow": slow = TimeSpan.FromMilliseconds(double.Parse(value)); break;
                case "stale": stale = TimeSpan.FromMilliseconds(double.Parse(value)); break;
                default: throw new ArgumentException($"--lag-variants: unknown setting '{key}' in '{variant}'");
            }
        }
        (daemon.FastPollingTime, daemon.SlowPollingTime, daemon.StaleSequenceThreshold) = (fast, slow, stale);
        if (app is not null) (app.Spacing, app.WakeWhenGapFills) = (spacing, gapWake);
        else if (variant.Contains("spacing") || variant.Contains("gapwake")) throw new ArgumentException("--lag-variants: the app's wake-up on commit is off");
        switchable.PollingOnly = pollingOnly;
    }
}
