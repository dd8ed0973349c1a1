using System.Net;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests;

public class when_the_audit_trail_is_read(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_workstream_tells_who_did_what_when_and_under_which_request()
    {
        var id = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(id, "TRAINING");
        var milestone = await Http.PlannedMilestone(workstreamId, "2024-06-30");
        (await Post($"/api/workstreams/{workstreamId}/milestones/{milestone}/complete", new { completedOn = "2024-06-28", note = "Certificates issued" },
            r => r.Headers.Add("Idempotency-Key", "complete-training-1"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Http.GetAsync($"/api/workstreams/{workstreamId}/history");
        var history = (await response.ShouldBe(HttpStatusCode.OK)).AsArray();

        response.Headers.ETag!.Tag.ShouldBe("\"3\"");
        history.Select(h => h!["type"]!.GetValue<string>()).ShouldBe(["WorkstreamOpened", "MilestonePlanned", "MilestoneCompleted"]);
        history.Select(h => h!["version"]!.GetValue<long>()).ShouldBe([1L, 2L, 3L]);
        history.Select(h => h!["sequence"]!.GetValue<long>()).ShouldBeInOrder();
        var completed = history[2]!;
        completed["summary"]!.GetValue<string>().ShouldBe("Milestone 'Delegation of 20 officials received' completed on 2024-06-28.");
        completed["reason"]!.GetValue<string>().ShouldBe("Certificates issued");
        completed["user"]!.GetValue<string>().ShouldBe(DemoUsers.Administrator.Name);
        completed["headers"]!["user-id"]!.GetValue<string>().ShouldBe(DemoUsers.Administrator.Subject);
        completed["correlationId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        completed["causationId"]!.GetValue<string>().ShouldBe("idempotency-key:complete-training-1");
        completed["headers"]!["command"]!.GetValue<string>().ShouldBe("CompleteMilestone");
        completed["streamId"]!.GetValue<Guid>().ShouldBe(workstreamId);
    }

    /// <summary>
    /// The test host exports no traces, so no tracer runs (Observability): the request's own activity, which ASP.NET
    /// Core starts for its logging scope, still carries the caller's trace id into the event's correlation id.
    /// </summary>
    [Fact]
    public async Task an_event_carries_the_callers_trace_id_with_no_tracer_running()
    {
        var workstreamId = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var milestone = await Http.PlannedMilestone(workstreamId, "2024-06-30");
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom();

        (await Post($"/api/workstreams/{workstreamId}/milestones/{milestone}/complete", new { completedOn = "2024-06-28", note = "Done" },
            r => r.Headers.Add("traceparent", $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = (await (await Http.GetAsync($"/api/workstreams/{workstreamId}/history")).ShouldBe(HttpStatusCode.OK)).AsArray();
        history[^1]!["correlationId"]!.GetValue<string>().ShouldBe(trace.ToHexString());
    }

    [Fact]
    public async Task an_agreement_tells_its_own_events_and_its_workstreams_in_order()
    {
        var id = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(id);
        await Http.PlannedMilestone(workstreamId);
        (await Post($"/api/agreements/{id}/status", new { status = "inForce", reason = "Ratified by both sides" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Http.GetAsync($"/api/agreements/{id}/history");
        var history = (await response.ShouldBe(HttpStatusCode.OK)).AsArray();

        history.Select(h => h!["type"]!.GetValue<string>())
            .ShouldBe(["AgreementRegistered", "WorkstreamAdded", "WorkstreamOpened", "MilestonePlanned", "AgreementStatusChanged"]);
        history.Select(h => h!["sequence"]!.GetValue<long>()).ShouldBeInOrder();
        history.Select(h => h!["streamId"]!.GetValue<Guid>()).Distinct().ShouldBe([id, workstreamId]);
        var changed = history[4]!;
        changed["summary"]!.GetValue<string>().ShouldStartWith("Status changed from signed to in force");
        changed["reason"]!.GetValue<string>().ShouldBe("Ratified by both sides");
        changed["headers"]!["request"]!.GetValue<string>().ShouldBe($"POST /api/agreements/{id}/status");
        response.Headers.ETag!.Tag.ShouldBe("\"5\"");
    }

    [Fact]
    public async Task a_history_recorded_after_the_fact_keeps_when_it_happened_and_who_recorded_it()
    {
        var recorded = await History2024.RecordAsync(App.Store);

        var history = (await Http.GetJson($"/api/workstreams/{recorded.WorkstreamId}/history")).AsArray();

        var slipped = history.Single(h => h!["type"]!.GetValue<string>() == "MilestoneRescheduled")!;
        slipped["timestamp"]!.GetValue<DateTimeOffset>().ShouldBe(History2024.Slipped);
        slipped["user"]!.GetValue<string>().ShouldBe("backfill");
        slipped["summary"]!.GetValue<string>().ShouldBe("Milestone 'Anniversary exhibition' rescheduled from 2024-09-30 to 2024-12-31.");
    }

    [Fact]
    public async Task unknown_ids_have_no_history()
    {
        (await Http.GetAsync($"/api/workstreams/{Guid.NewGuid()}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var agreementId = await Http.RegisteredAgreement();
        // An agreement id is not a workstream id, even though both are streams.
        (await Http.GetAsync($"/api/workstreams/{agreementId}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Http.GetAsync($"/api/agreements/{Guid.NewGuid()}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
