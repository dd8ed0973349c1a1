using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ProgramTracker.FaultTests;

[Collection(InProcessCollection.Name)]
public class when_requests_are_malformed(InProcessApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task every_one_is_refused_with_a_4xx_and_nothing_is_appended()
    {
        var http = app.CreateClient();
        var agreement = await http.RegisteredAgreement(Bodies.Agreement());
        var workstream = await IdOf(await http.PostAsJsonAsync($"/api/agreements/{agreement}/workstreams", Bodies.Workstream(Guid.CreateVersion7())));
        var milestone = await IdOf(await http.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones", Bodies.Milestone(Guid.CreateVersion7())));
        var eventsBefore = await StoreChecks.EventCountAsync(app.ConnectionString);

        var seed = FaultSettings.FuzzSeed;
        var requests = new MalformedRequests(seed, new FuzzTargets(agreement, workstream, milestone)).Take(FaultSettings.FuzzRequests).ToList();
        var answers = new ConcurrentBag<(MalformedRequest Request, int Status, string Body)>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
        {
            using var content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            using var response = await http.PostAsync(request.Url, content, ct);
            var status = (int)response.StatusCode;
            answers.Add((request, status, status is >= 200 and < 300 or >= 500 ? await response.Content.ReadAsStringAsync(ct) : ""));
        });

        output.WriteLine($"seed {seed}: {answers.Count} requests; " +
                         string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        var wrong = answers.Where(a => a.Status is < 400 or >= 500).ToList();
        wrong.ShouldBeEmpty($"seed {seed}: {wrong.Count} malformed requests were not refused with a 4xx:\n" +
                            string.Join("\n", wrong.DistinctBy(a => a.Request.Kind).Take(15).Select(a => $"{a.Status} ← {a.Request} → {a.Body[..Math.Min(a.Body.Length, 300)]}")));
        (await StoreChecks.EventCountAsync(app.ConnectionString)).ShouldBe(eventsBefore, $"seed {seed}: a malformed request appended events");
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }
}
