using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace ProgramTracker.IntegrationTests.Workstreams;

/// <summary>
/// The commonest command stays cheap: fetching the workstream for writing is one round trip, appending the event with
/// its snapshot another (then the commit). Projections that do not take the event must not look anything up for it.
/// Counted from Npgsql's own traces of this one request, so other tests running meanwhile do not count.
/// </summary>
public sealed class when_a_progress_report_is_written(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task it_takes_two_round_trips_and_looks_up_no_other_document()
    {
        var (workstream, milestone) = await Http.WorkstreamWithMilestone();
        var trace = ActivityTraceId.CreateRandom();
        var statements = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == trace)
                    statements.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);

        var response = await Http.PostJson($"/api/workstreams/{workstream}/milestones/{milestone}/progress", new { percent = 40, narrative = "On track" },
            request => request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01"));

        await response.ShouldBe(HttpStatusCode.OK);
        var sent = string.Join("\n", statements);
        statements.Count.ShouldBe(2, sent);
        sent.ShouldNotContain("mt_doc_committee");
        sent.ShouldNotContain("mt_doc_scheduled_milestone");
    }
}
