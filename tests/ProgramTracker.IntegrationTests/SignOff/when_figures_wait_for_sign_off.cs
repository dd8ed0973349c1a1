using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.SignOff;

/// <summary>An officer submits, a reviewer named on the agreement returns and then approves: the figures move only at approval.</summary>
public class when_figures_wait_for_sign_off(AppFixture app) : IntegrationContext(app)
{
    private readonly HttpClient _officer = app.CreateClient(DemoUsers.Officer);

    [Fact]
    public async Task a_submission_is_returned_resubmitted_and_counts_only_once_approved()
    {
        var (agreement, ws, milestone, reviewer) = await SignedOffWorkstream();

        var submitted = await _officer.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/progress", new { percent = 60, narrative = "Racks installed" });
        await submitted.ShouldBe(HttpStatusCode.OK);
        var workstream = await Http.GetJson($"/api/workstreams/{ws}");
        workstream["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);
        workstream["figures"]!["pendingSubmissions"]!.GetValue<int>().ShouldBe(1);
        var first = workstream["submissions"]![0]!;
        first["status"]!.GetValue<string>().ShouldBe("pending");
        var firstId = first["id"]!.GetValue<Guid>();
        (await Http.GetJson($"/api/workstreams/{ws}?figures=submitted"))["percentComplete"]!.GetValue<decimal>().ShouldBe(60m);
        var dashboard = await Http.GetJson($"/api/agreements/{agreement}/dashboard");
        dashboard["percentComplete"]!.GetValue<decimal>().ShouldBe(0m);
        dashboard["pendingSubmissions"]!.GetValue<int>().ShouldBe(1);
        (await Http.GetJson($"/api/agreements/{agreement}/dashboard?figures=submitted"))["percentComplete"]!.GetValue<decimal>().ShouldBe(60m);

        var queue = (await reviewer.GetJson("/api/me/reviews")).AsArray();
        queue.ShouldHaveSingleItem()!["submissionId"]!.GetValue<Guid>().ShouldBe(firstId);
        (await _officer.GetJson("/api/me/reviews")).AsArray().ShouldBeEmpty();

        var before = await App.EventsIn(ws);
        await (await _officer.PostAsJsonAsync($"/api/workstreams/{ws}/submissions/{firstId}/approve", new { }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "submissionId", "not-a-reviewer");
        await (await reviewer.PostAsJsonAsync($"/api/workstreams/{ws}/submissions/{firstId}/return", new { reason = " " }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "required");
        (await App.EventsIn(ws)).ShouldBe(before);

        await (await reviewer.PostAsJsonAsync($"/api/workstreams/{ws}/submissions/{firstId}/return", new { reason = "Attach the delivery note" }))
            .ShouldBe(HttpStatusCode.OK);
        var returned = (await _officer.GetJson($"/api/workstreams/{ws}"))["submissions"]![0]!;
        returned["status"]!.GetValue<string>().ShouldBe("returned");
        returned["returnReason"]!.GetValue<string>().ShouldBe("Attach the delivery note");

        await (await _officer.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/progress",
            new { percent = 55, narrative = "Racks installed; delivery note attached" })).ShouldBe(HttpStatusCode.OK);
        var secondId = (await reviewer.GetJson("/api/me/reviews")).AsArray().ShouldHaveSingleItem()!["submissionId"]!.GetValue<Guid>();
        secondId.ShouldNotBe(firstId);

        await (await reviewer.PostAsJsonAsync($"/api/workstreams/{ws}/submissions/{secondId}/approve", new { })).ShouldBe(HttpStatusCode.OK);
        before = await App.EventsIn(ws);
        await (await reviewer.PostAsJsonAsync($"/api/workstreams/{ws}/submissions/{secondId}/approve", new { }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "submissionId", "already-approved");
        (await App.EventsIn(ws)).ShouldBe(before);

        workstream = await Http.GetJson($"/api/workstreams/{ws}");
        workstream["percentComplete"]!.GetValue<decimal>().ShouldBe(55m);
        workstream["figures"]!["pendingSubmissions"]!.GetValue<int>().ShouldBe(0);
        (await Http.GetJson($"/api/agreements/{agreement}/dashboard"))["percentComplete"]!.GetValue<decimal>().ShouldBe(55m);
        (await reviewer.GetJson("/api/me/reviews")).AsArray().ShouldBeEmpty();

        var history = (await Http.GetJson($"/api/workstreams/{ws}/history")).AsArray().Select(e => e!["summary"]!.GetValue<string>()).ToList();
        history.ShouldContain(s => s.Contains("approved the submission"));
        history.ShouldContain(s => s.Contains("returned the submission"));
    }

    [Fact]
    public async Task nobody_approves_their_own_submission_not_even_an_administrator()
    {
        var (_, ws, milestone, _) = await SignedOffWorkstream();
        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/complete", new { completedOn = WorkstreamWrites.Day(WorkstreamWrites.Today) }))
            .ShouldBe(HttpStatusCode.OK);
        var id = (await Http.GetJson($"/api/workstreams/{ws}"))["submissions"]![0]!["id"]!.GetValue<Guid>();
        var before = await App.EventsIn(ws);

        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/submissions/{id}/approve", new { }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "submissionId", "own-submission");

        (await App.EventsIn(ws)).ShouldBe(before);
        (await Http.GetJson($"/api/workstreams/{ws}"))["milestones"]![0]!["status"]!.GetValue<string>().ShouldNotBe("completed");
    }

    [Theory]
    [InlineData("/api/workstreams/{0}?figures=final")]
    [InlineData("/api/agreements/{1}/dashboard?figures=Approved")]
    public async Task an_unknown_figures_value_is_refused_naming_it(string url)
    {
        var (agreement, ws, _, _) = await SignedOffWorkstream();
        await (await Http.GetAsync(string.Format(url, ws, agreement))).ShouldBeProblem(HttpStatusCode.BadRequest, "figures", "figures-unknown");
    }

    [Fact]
    public async Task only_administrators_set_sign_off_and_bad_settings_are_refused()
    {
        var agreement = await Http.RegisteredAgreement();
        var before = await App.EventsIn(agreement);

        (await _officer.PutAsJsonAsync($"/api/agreements/{agreement}/sign-off", new { required = true, reason = "Asked" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await (await Http.PutAsJsonAsync($"/api/agreements/{agreement}/sign-off", new { required = true, reason = "" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "reason", "required");
        await (await Http.PutAsJsonAsync($"/api/agreements/{agreement}/sign-off", new { required = false, reason = "Not needed" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "required", "no-change");

        (await App.EventsIn(agreement)).ShouldBe(before);
    }

    [Fact]
    public async Task an_agreement_without_sign_off_counts_at_once()
    {
        var (ws, milestone) = await Http.WorkstreamWithMilestone();
        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones/{milestone}/progress", new { percent = 30, narrative = "Started" }))
            .ShouldBe(HttpStatusCode.OK);
        var workstream = await Http.GetJson($"/api/workstreams/{ws}");
        workstream["percentComplete"]!.GetValue<decimal>().ShouldBe(30m);
        workstream["submissions"]!.AsArray().ShouldBeEmpty();
    }

    /// <summary>An agreement that requires sign-off by a person named on it, with the demo officer on its workstream.</summary>
    private async Task<(Guid Agreement, Guid Workstream, Guid Milestone, HttpClient Reviewer)> SignedOffWorkstream()
    {
        var agreement = await Http.RegisteredAgreement();
        var ws = await Http.OpenedWorkstream(agreement);
        var milestone = await Http.PlannedMilestone(ws);
        await (await Http.PostAsJsonAsync($"/api/workstreams/{ws}/officers", new { personId = DemoUsers.Officer.PersonId, name = "Demo officer" }))
            .ShouldBe(HttpStatusCode.OK);
        var personId = $"focal-{Guid.NewGuid():N}"[..18];
        await (await Http.PutAsJsonAsync($"/api/agreements/{agreement}/sign-off",
            new { required = true, reason = "The committee counts agreed figures only", reviewers = new[] { personId } })).ShouldBe(HttpStatusCode.OK);
        var reviewer = App.CreateClient(new DemoUser("focal", $"sub-{personId}", "Focal point (Lao side)", Roles.Viewer, "Reviews", PersonId: personId));
        return (agreement, ws, milestone, reviewer);
    }
}
