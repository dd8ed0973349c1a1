using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.IntegrationTests;

/// <summary>Small helpers that set up the domain through the public API, the way a user would.</summary>
public static class Scenarios
{
    public static async Task<JsonNode> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static async Task<Guid> OpenedWorkstream(this HttpClient http, Guid agreementId, string? code = null)
    {
        var response = await http.PostAsJsonAsync($"/api/agreements/{agreementId}/workstreams", new
        {
            code = code ?? $"WS-{Guid.NewGuid():N}"[..10],
            title = new { en = "Staff capacity", lo = "ການພັດທະນາຄວາມສາມາດພະນັກງານ" },
        });
        return (await response.ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public static async Task<Guid> PlannedMilestone(this HttpClient http, Guid workstreamId, string due = "2025-06-30", decimal weight = 1)
    {
        var response = await http.PostAsJsonAsync($"/api/workstreams/{workstreamId}/milestones", new
        {
            title = new { en = "Delegation of 20 officials received" },
            dueDate = due,
            weight,
        });
        return (await response.ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> GetJson(this HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        return await response.ShouldBe(HttpStatusCode.OK);
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
