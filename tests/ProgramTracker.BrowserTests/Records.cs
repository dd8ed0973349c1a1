using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.BrowserTests;

/// <summary>Committee work set up through the public API.</summary>
public static class CommitteeWork
{
    public static async Task<Guid> EstablishedCommittee(this HttpClient api, Guid agreementId, string name, DateOnly? establishedOn = null) =>
        await IdFrom(await api.PostAsJsonAsync($"/api/agreements/{agreementId}/committees",
            new { name = new { en = name }, mandate = new { en = "Reviews the progress of the agreement" }, establishedOn = establishedOn?.ToString("yyyy-MM-dd") }));

    public static async Task Appointed(this HttpClient api, Guid committeeId, string personId, string name, string role, string partyId) =>
        await Ok(await api.PostAsJsonAsync($"/api/committees/{committeeId}/members",
            new { personId, name, role, partyId, effectiveOn = Programme.Today.AddDays(-60).ToString("yyyy-MM-dd") }));

    public static async Task<Guid> HeldMeeting(this HttpClient api, Guid committeeId, DateOnly on, params string[] attendees)
    {
        var meeting = await IdFrom(await api.PostAsJsonAsync($"/api/committees/{committeeId}/meetings",
            new { scheduledOn = on.ToString("yyyy-MM-dd"), location = "Vientiane" }));
        await Ok(await api.PostAsJsonAsync($"/api/committees/{committeeId}/meetings/{meeting}/held",
            new { attendees, heldOn = on.ToString("yyyy-MM-dd") }));
        return meeting;
    }

    public static async Task Decided(this HttpClient api, Guid committeeId, Guid meetingId, string text) =>
        await Ok(await api.PostAsJsonAsync($"/api/committees/{committeeId}/meetings/{meetingId}/decisions", new { text, consensus = true }));

    public static async Task<Guid> ActionAssigned(this HttpClient api, Guid committeeId, string text, string personId, DateOnly due, DateOnly assignedOn,
        string? personName = null) =>
        await IdFrom(await api.PostAsJsonAsync($"/api/committees/{committeeId}/action-items",
            new { text, personId, personName, dueDate = due.ToString("yyyy-MM-dd"), assignedOn = assignedOn.ToString("yyyy-MM-dd") }));

    private static async Task Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
    }

    private static async Task<Guid> IdFrom(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }
}

public static class EnglishDates
{
    /// <summary>A date as the English pages write it ("23 May 2025").</summary>
    public static string English(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"));
}
