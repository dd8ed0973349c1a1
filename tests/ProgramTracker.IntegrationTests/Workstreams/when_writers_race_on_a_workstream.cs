using System.Net;
using System.Net.Http.Json;
using Marten;

namespace ProgramTracker.IntegrationTests.Workstreams;

public class when_writers_race_on_a_workstream(AppFixture app) : IntegrationContext(app)
{
    private static string Progress(Guid ws, Guid m) => $"/api/workstreams/{ws}/milestones/{m}/progress";

    [Fact]
    public async Task a_stale_if_match_is_refused_and_appends_nothing()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        (await Http.PostJson(Progress(ws, m), new { percent = 10, narrative = "First" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await App.EventsIn(ws);

        var response = await Http.PostJson(Progress(ws, m), new { percent = 20, narrative = "Based on an old read" },
            r => r.Headers.TryAddWithoutValidation("If-Match", "\"2\""));

        var problem = await response.ShouldBe(HttpStatusCode.PreconditionFailed);
        problem["rule"]!.GetValue<string>().ShouldBe("stale-if-match");
        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Fact]
    public async Task the_current_if_match_is_accepted_and_answers_the_new_etag()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var read = await Http.GetAsync($"/api/workstreams/{ws}");
        var etag = read.Headers.ETag!.Tag;
        etag.ShouldBe("\"2\"");

        var response = await Http.PostJson(Progress(ws, m), new { percent = 20, narrative = "Read, then written" },
            r => r.Headers.TryAddWithoutValidation("If-Match", etag));

        (await response.ShouldBe(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(3);
        response.Headers.ETag!.Tag.ShouldBe("\"3\"");
        (await Http.GetAsync($"/api/workstreams/{ws}")).Headers.ETag!.Tag.ShouldBe("\"3\"");
    }

    [Fact]
    public async Task an_if_match_on_an_unknown_workstream_is_not_found()
    {
        var (_, m) = await Http.WorkstreamWithMilestone();
        var unknown = Guid.NewGuid();

        await (await Http.PostJson(Progress(unknown, m), new { percent = 20, narrative = "x" }, r => r.Headers.TryAddWithoutValidation("If-Match", "\"2\"")))
            .ShouldBeProblem(HttpStatusCode.NotFound, "id", "not-found");

        (await App.EventsIn(unknown)).ShouldBe(0);
    }

    [Fact]
    public async Task a_malformed_if_match_is_a_bad_request()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var before = await App.EventsIn(ws);

        await (await Http.PostJson(Progress(ws, m), new { percent = 20, narrative = "x" }, r => r.Headers.TryAddWithoutValidation("If-Match", "version-two")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "If-Match", "invalid-if-match");

        (await App.EventsIn(ws)).ShouldBe(before);
    }

    [Fact]
    public async Task concurrent_progress_reports_never_lose_or_duplicate_an_event()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        const int writers = 8;

        var responses = await Task.WhenAll(Enumerable.Range(1, writers).Select(async i =>
        {
            using var client = App.CreateClient();
            var response = await client.PostAsJsonAsync(Progress(ws, m), new { percent = i * 10, narrative = $"writer {i}" });
            return (Writer: i, Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        responses.ShouldAllBe(r => r.Status == HttpStatusCode.OK || r.Status == HttpStatusCode.Conflict);
        responses.Where(r => r.Status == HttpStatusCode.Conflict).ShouldAllBe(r => r.Body.Contains("\"rule\":\"concurrent-write\""));
        var accepted = responses.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Writer).ToList();
        accepted.ShouldNotBeEmpty();

        await using var session = App.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(ws);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
        var reported = events.Select(e => e.Data).OfType<ProgramTracker.Api.Workstreams.MilestoneProgressReported>().Select(p => p.Narrative).ToList();
        reported.Order().ShouldBe(accepted.Select(i => $"writer {i}").Order());

        var workstream = await Http.GetAsync($"/api/workstreams/{ws}");
        workstream.Headers.ETag!.Tag.ShouldBe($"\"{events.Count}\"");
    }

    [Fact]
    public async Task a_retried_request_with_the_same_idempotency_key_appends_once()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var key = Guid.NewGuid().ToString();
        var body = new { percent = 30, narrative = "Sent twice by a flaky network" };

        var first = await (await Http.PostJson(Progress(ws, m), body, r => r.Headers.Add("Idempotency-Key", key))).ShouldBe(HttpStatusCode.OK);
        var events = await App.EventsIn(ws);
        var retry = await (await Http.PostJson(Progress(ws, m), body, r => r.Headers.Add("Idempotency-Key", key))).ShouldBe(HttpStatusCode.OK);

        retry.ToJsonString().ShouldBe(first.ToJsonString());
        (await App.EventsIn(ws)).ShouldBe(events);
    }

    [Fact]
    public async Task a_created_indicator_retried_with_the_same_key_is_created_once()
    {
        var ws = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var key = Guid.NewGuid().ToString();
        var body = new { name = new { en = "Exhibitions held" }, unit = "exhibitions", targetLow = 1, period = "once" };

        var first = await Http.PostJson($"/api/workstreams/{ws}/indicators", body, r => r.Headers.Add("Idempotency-Key", key));
        var retry = await Http.PostJson($"/api/workstreams/{ws}/indicators", body, r => r.Headers.Add("Idempotency-Key", key));

        (await retry.ShouldBe(HttpStatusCode.Created)).ToJsonString().ShouldBe((await first.ShouldBe(HttpStatusCode.Created)).ToJsonString());
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await Http.GetJson($"/api/workstreams/{ws}"))["indicators"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_same_idempotency_key_with_another_body_is_refused()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var key = Guid.NewGuid().ToString();
        (await Http.PostJson(Progress(ws, m), new { percent = 30, narrative = "First" }, r => r.Headers.Add("Idempotency-Key", key)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var events = await App.EventsIn(ws);

        var reused = await Http.PostJson(Progress(ws, m), new { percent = 60, narrative = "Something else" }, r => r.Headers.Add("Idempotency-Key", key));

        (await reused.ShouldBe(HttpStatusCode.UnprocessableEntity))["rule"]!.GetValue<string>().ShouldBe("idempotency-key-reused");
        (await App.EventsIn(ws)).ShouldBe(events);
    }

    [Fact]
    public async Task parallel_retries_with_one_idempotency_key_append_once()
    {
        var (ws, m) = await Http.WorkstreamWithMilestone();
        var key = Guid.NewGuid().ToString();
        var before = await App.EventsIn(ws);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var client = App.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, Progress(ws, m))
            {
                Content = JsonContent.Create(new { percent = 45, narrative = "Retried in parallel" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return (await client.SendAsync(request)).StatusCode;
        }));

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);
        (await App.EventsIn(ws)).ShouldBe(before + 1);
    }
}
