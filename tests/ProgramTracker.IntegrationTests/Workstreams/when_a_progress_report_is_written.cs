using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace ProgramTracker.IntegrationTests.Workstreams;

/// <summary>
/// The commonest command stays cheap: fetching the workstream for writing and reading its agreement's sign-off rules
/// and closed periods travel in one batch, appending the event with its snapshot is the second round trip (then the
/// commit).
/// Projections that do not take the event must not look anything up for it. Counted from Npgsql's own traces of
/// this one request, so other tests running meanwhile do not count; after a first report, so that the node already
/// knows which agreement the workstream belongs to (it remembers that, as it never changes).
/// </summary>
public sealed class when_a_progress_report_is_written(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task it_takes_two_round_trips_and_looks_up_no_other_document()
    {
        var (workstream, milestone) = await Http.WorkstreamWithMilestone();
        await (await Http.PostJson($"/api/workstreams/{workstream}/milestones/{milestone}/progress", new { percent = 20, narrative = "Started" }))
            .ShouldBe(HttpStatusCode.OK);
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
        statements.Count(q => q.Contains("mt_doc_agreement")).ShouldBe(1, sent);
        statements.Single(q => q.Contains("mt_doc_agreement")).ShouldContain("mt_doc_workstream", customMessage: sent);
        sent.ShouldNotContain("mt_doc_committee");
        sent.ShouldNotContain("mt_doc_scheduled_milestone");
    }
}
