using JasperFx.Events;
using Marten.Services;
using ProgramTracker.Api.Hosting;
using Weasel.Storage;

namespace ProgramTracker.UnitTests;

public class when_the_daemon_is_woken_on_commit
{
    // Longer than any machine here has been up: Stopwatch counts from the boot, and a first wake-up that measured its
    // spacing from timestamp 0 waited when the uptime was shorter than the spacing (10 minutes did, on a new CI machine).
    // Task.Delay takes up to about 24.8 days.
    private static readonly TimeSpan LongWait = TimeSpan.FromDays(20);

    private static CommittedEventsWakeup Wakeup(bool wakeWhenGapFills = true) =>
        new(spacing: LongWait) { WakeWhenGapFills = wakeWhenGapFills };

    private static Task Committed(CommittedEventsWakeup wakeup, params long[] sequences) =>
        wakeup.AfterCommitAsync(null!, new Commit([.. sequences.Select(s => (IEvent)new Event<string>("progress") { Sequence = s })]), default);

    // The agent's first poll: nothing was polled before, so no spacing applies.
    private static async Task Polled(CommittedEventsWakeup wakeup) => (await WokenWithin(wakeup, TimeSpan.FromSeconds(30))).ShouldBeTrue();

    private static async Task<bool> WokenWithin(CommittedEventsWakeup wakeup, TimeSpan bound)
    {
        var wait = wakeup.WaitAsync(LongWait, default);
        return await Task.WhenAny(wait, Task.Delay(bound)) == wait;
    }

    [Fact]
    public async Task an_append_the_last_poll_was_held_behind_wakes_the_agent_at_once()
    {
        var wakeup = Wakeup();
        await Committed(wakeup, 7);
        await Polled(wakeup);
        await Committed(wakeup, 6);
        (await WokenWithin(wakeup, TimeSpan.FromSeconds(30))).ShouldBeTrue();
    }

    [Fact]
    public async Task a_new_append_waits_for_the_spacing()
    {
        var wakeup = Wakeup();
        await Committed(wakeup, 7);
        await Polled(wakeup);
        await Committed(wakeup, 8);
        (await WokenWithin(wakeup, TimeSpan.FromMilliseconds(500))).ShouldBeFalse();
    }

    [Fact]
    public async Task a_second_held_poll_in_a_row_waits_for_the_spacing()
    {
        var wakeup = Wakeup();
        await Committed(wakeup, 7);
        await Polled(wakeup);
        await Committed(wakeup, 5);
        (await WokenWithin(wakeup, TimeSpan.FromSeconds(30))).ShouldBeTrue();
        await Committed(wakeup, 6);
        (await WokenWithin(wakeup, TimeSpan.FromMilliseconds(500))).ShouldBeFalse();
    }

    [Fact]
    public async Task with_the_gap_wake_up_off_a_held_poll_waits_for_the_spacing()
    {
        var wakeup = Wakeup(wakeWhenGapFills: false);
        await Committed(wakeup, 7);
        await Polled(wakeup);
        await Committed(wakeup, 6);
        (await WokenWithin(wakeup, TimeSpan.FromMilliseconds(500))).ShouldBeFalse();
    }

    private sealed class Commit(IReadOnlyList<IEvent> events) : IChangeSet
    {
        public IEnumerable<object> Updated => [];
        public IEnumerable<object> Inserted => [];
        public IEnumerable<IDeletion> Deleted => [];
        public IEnumerable<IEvent> GetEvents() => events;
        public IEnumerable<StreamAction> GetStreams() => [];
        public IChangeSet Clone() => this;
    }
}
