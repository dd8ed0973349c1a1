using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.BrowserTests;

/// <summary>Sets up agreements through the public API, as a secretariat would, before the browser looks at them.</summary>
public static class Programme
{
    public static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)].ToUpperInvariant();

    public static async Task<Guid> RegisteredAgreement(this HttpClient api, string code, object title, string secondCountry = "LA",
        string status = "inForce")
    {
        return await api.RegisteredAgreement(new
        {
            code,
            title,
            parties = new object[]
            {
                new { partyId = $"vn-{code}".ToLowerInvariant(), name = new { en = "Ministry of Home Affairs", vi = "Bộ Nội vụ" }, country = "VN" },
                new
                {
                    partyId = $"{secondCountry}-{code}".ToLowerInvariant(),
                    name = new { en = "Party Central Office", lo = "ຫ້ອງວ່າການສູນກາງພັກ", th = "สำนักงานกลาง" },
                    country = secondCountry,
                },
            },
            signedOn = "2023-05-23",
            validity = new { from = "2023-06-01", to = "2028-12-31" },
            status,
        });
    }

    public static async Task<Guid> OpenedWorkstream(this HttpClient api, Guid agreementId, string code, object title)
    {
        var response = await api.PostAsJsonAsync($"/api/agreements/{agreementId}/workstreams", new { code, title });
        return await IdFrom(response);
    }

    public static async Task<Guid> PlannedMilestone(this HttpClient api, Guid workstreamId, object title, DateOnly due)
    {
        var response = await api.PostAsJsonAsync($"/api/workstreams/{workstreamId}/milestones",
            new { title, dueDate = due.ToString("yyyy-MM-dd") });
        return await IdFrom(response);
    }

    public static async Task AssignedOfficer(this HttpClient api, Guid workstreamId, string personId, string name)
    {
        var response = await api.PostAsJsonAsync($"/api/workstreams/{workstreamId}/officers", new { personId, name });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonNode> Workstream(this HttpClient api, Guid workstreamId) =>
        JsonNode.Parse(await api.GetStringAsync($"/api/workstreams/{workstreamId}"))!;

    private static async Task<Guid> IdFrom(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
