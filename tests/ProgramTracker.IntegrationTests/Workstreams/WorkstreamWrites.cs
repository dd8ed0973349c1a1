using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;

namespace ProgramTracker.IntegrationTests.Workstreams;

/// <summary>Helpers for the workstream write tests: a workstream with a milestone, problem checks, event counts.</summary>
public static class WorkstreamWrites
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd");

    /// <summary>A fresh agreement (valid 2023-06-01 to 2026-12-31) with one workstream and one planned milestone.</summary>
    public static async Task<(Guid Workstream, Guid Milestone)> WorkstreamWithMilestone(this HttpClient http, string due = "2025-06-30")
    {
        var agreementId = await http.RegisteredAgreement();
        var workstreamId = await http.OpenedWorkstream(agreementId);
        return (workstreamId, await http.PlannedMilestone(workstreamId, due));
    }

    public static async Task<JsonNode> MilestoneIn(this HttpClient http, Guid workstreamId, Guid milestoneId)
    {
        var workstream = await http.GetJson($"/api/workstreams/{workstreamId}");
        return workstream["milestones"]!.AsArray().Single(m => m!["id"]!.GetValue<Guid>() == milestoneId)!;
    }

    public static async Task<HttpResponseMessage> PostJson(this HttpClient http, string url, object body, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        configure?.Invoke(request);
        return await http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostText(this HttpClient http, string url, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await http.PostAsync(url, content);
    }

    /// <summary>Asserts a ProblemDetails with this status that names <paramref name="field"/> (and the rule, if given).</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string field, string? rule = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonNode.Parse(body)!;
        var named = problem["field"]?.GetValue<string>() == field || problem["errors"]?.AsObject().ContainsKey(field) == true;
        named.ShouldBeTrue($"the problem should name the field '{field}': {body}");
        if (rule is not null) RulesOf(problem).ShouldContain(rule, body);
        return problem;
    }

    private static IEnumerable<string> RulesOf(JsonNode problem)
    {
        if (problem["rule"]?.GetValue<string>() is { } rule) yield return rule;
        foreach (var r in problem["rules"]?.AsArray() ?? []) yield return r!.GetValue<string>().Split(':').Last();
    }

    /// <summary>How many events the stream holds: what a refused write must leave unchanged.</summary>
    public static async Task<long> EventsIn(this AppFixture app, Guid streamId)
    {
        await using var session = app.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.StreamId == streamId).CountAsync();
    }
}
