using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.OperationsTests;

[Collection(OperationsCollection.Name)]
public abstract class OperationsContext(OperationsFixture app)
{
    protected OperationsFixture App { get; } = app;
    protected HttpClient Http { get; } = app.CreateClient();
}

/// <summary>Sets up the domain through the public API, against any node.</summary>
public static class OperationsScenarios
{
    public static async Task<JsonNode> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static async Task<Guid> OpenedWorkstream(this HttpClient http, Guid agreementId)
    {
        var response = await http.PostAsJsonAsync($"/api/agreements/{agreementId}/workstreams", new
        {
            code = $"WS-{Guid.NewGuid():N}"[..10],
            title = new { en = "Staff capacity" },
        });
        return (await response.ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public static Task<HttpResponseMessage> PlanMilestone(this HttpClient http, Guid workstreamId, string due = "2025-06-30") =>
        http.PostAsJsonAsync($"/api/workstreams/{workstreamId}/milestones", new
        {
            title = new { en = "Delegation of 20 officials received" },
            dueDate = due,
        });

    public static async Task<Guid> PlannedMilestone(this HttpClient http, Guid workstreamId) =>
        (await (await http.PlanMilestone(workstreamId)).ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

    public static Task<HttpResponseMessage> CompleteMilestone(this HttpClient http, Guid workstreamId, Guid milestoneId, string on = "2024-05-01") =>
        http.PostAsJsonAsync($"/api/workstreams/{workstreamId}/milestones/{milestoneId}/complete", new { completedOn = on });
}
