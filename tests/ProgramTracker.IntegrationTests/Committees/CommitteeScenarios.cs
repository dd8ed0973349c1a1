using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.IntegrationTests.Committees;

/// <summary>Sets up committees through the public API, the way a secretariat would.</summary>
public static class CommitteeScenarios
{
    public static string NewPersonId(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)];

    public static async Task<Guid> EstablishedCommittee(this HttpClient http, Guid agreementId, string establishedOn = "2023-07-01",
        object? quorum = null, string? partyId = null)
    {
        var response = await http.PostAsJsonAsync($"/api/agreements/{agreementId}/committees", new
        {
            name = new { en = "Joint steering committee", vi = "Ban chỉ đạo chung", lo = "ຄະນະຊີ້ນຳຮ່ວມ" },
            mandate = new { en = "Reviews the workstreams twice a year and decides on changes." },
            establishedOn,
            partyId,
            quorum = quorum ?? new { kind = "majority" },
        });
        return (await response.ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> Appointed(this HttpClient http, Guid committeeId, string personId, string role = "member",
        string partyId = "vn-moha", string effectiveOn = "2023-07-01", Guid? workstreamId = null, string? name = null)
    {
        var response = await http.PostAsJsonAsync($"/api/committees/{committeeId}/members", new
        {
            personId, name = name ?? $"Member {personId}", role, partyId, effectiveOn, workstreamId,
        });
        return await response.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<Guid> ScheduledMeeting(this HttpClient http, Guid committeeId, string scheduledOn, params Guid[] agenda)
    {
        var response = await http.PostAsJsonAsync($"/api/committees/{committeeId}/meetings", new { scheduledOn, agenda, location = "Vientiane" });
        return (await response.ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> HeldMeeting(this HttpClient http, Guid committeeId, Guid meetingId, params string[] attendees)
    {
        var response = await http.PostAsJsonAsync($"/api/committees/{committeeId}/meetings/{meetingId}/held", new { attendees });
        return await response.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Asserts a ProblemDetails with this status that names the field, and returns it.</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await response.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue(problem.ToJsonString());
        return problem;
    }
}
