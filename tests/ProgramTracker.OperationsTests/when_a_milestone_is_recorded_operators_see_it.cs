using System.Diagnostics;
using System.Net;
using Marten;
using OpenTelemetry.Metrics;

namespace ProgramTracker.OperationsTests;

public class when_a_milestone_is_recorded_operators_see_it(OperationsFixture app) : OperationsContext(app)
{
    [Fact]
    public async Task the_request_is_one_trace_through_http_marten_and_npgsql_and_the_event_carries_its_trace_id()
    {
        var workstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var milestone = await Http.PlannedMilestone(workstream);

        (await Http.CompleteMilestone(workstream, milestone)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var session = App.Store.QuerySession();
        var completed = (await session.Events.FetchStreamAsync(workstream)).Last();
        completed.EventTypeName.ShouldBe("milestone_completed");
        completed.CorrelationId.ShouldNotBeNullOrEmpty();

        var trace = App.SpansSnapshot().Where(s => s.TraceId.ToHexString() == completed.CorrelationId).ToList();
        var request = trace.Where(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server).ShouldHaveSingleItem();
        request.DisplayName.ShouldContain("/complete");
        // Wolverine.Http opens no span of its own for an endpoint; it tags the ASP.NET Core request span instead.
        (request.GetTagItem("handler.type")?.ToString() ?? "").ShouldContain("CompleteMilestoneEndpoint");
        trace.ShouldContain(s => s.Source.Name == "Marten", "a Marten span (marten.connection)");
        trace.ShouldContain(s => s.Source.Name == "Npgsql", "an Npgsql command span");
        trace.Where(s => s.Source.Name != "Microsoft.AspNetCore")
            .ShouldAllBe(s => s.ParentSpanId != default, "every other span hangs under the request");
    }

    [Fact]
    public async Task the_milestone_counters_the_refusals_and_the_event_store_gauges_move()
    {
        var before = App.CollectMetrics();
        var workstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var milestone = await Http.PlannedMilestone(workstream);
        (await Http.CompleteMilestone(workstream, milestone)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.CompleteMilestone(workstream, milestone)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await App.WaitForProjectionsAsync();

        // The store gauges read the database when collected and report nothing when that read times out (5 s): on a
        // busy machine a collection can miss them, so collect until they are there.
        var after = await PollUntilOrThrow(() => Task.FromResult(App.CollectMetrics()),
            m => m.Any(x => x.Name == "programtracker.eventstore.events"), TimeSpan.FromSeconds(60), "the event store gauges");
        Sum(after, "programtracker.milestones.recorded").ShouldBeGreaterThan(Sum(before, "programtracker.milestones.recorded"));
        Sum(after, "programtracker.milestones.completed").ShouldBeGreaterThan(Sum(before, "programtracker.milestones.completed"));
        Sum(after, "programtracker.events.appended", ("event.type", "MilestoneCompleted"))
            .ShouldBeGreaterThan(Sum(before, "programtracker.events.appended", ("event.type", "MilestoneCompleted")));
        Sum(after, "programtracker.commands.refused", ("command", "CompleteMilestone"))
            .ShouldBeGreaterThan(Sum(before, "programtracker.commands.refused", ("command", "CompleteMilestone")));
        Sum(after, "marten.event.append").ShouldBeGreaterThan(Sum(before, "marten.event.append"));

        await using var session = App.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().CountAsync();
        LastValue(after, "programtracker.eventstore.events").ShouldBeGreaterThanOrEqualTo(events);
        var lag = after.Single(m => m.Name == "programtracker.projection.lag");
        lag.MetricPoints.ShouldContain(p => Tag(p, "projection") == "StreamActivity");
    }

    private static double Sum(IEnumerable<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints)
            .Where(p => tags.All(t => Tag(p, t.Key) == t.Value))
            .Sum(p => (double)p.GetSumLong());

    private static double LastValue(IEnumerable<MetricSnapshot> metrics, string name) =>
        metrics.Single(m => m.Name == name).MetricPoints.Sum(p => (double)p.GetGaugeLastValueLong());

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return tag.Value?.ToString();
        }
        return null;
    }
}
