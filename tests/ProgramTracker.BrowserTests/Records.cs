using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;
using Marten.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// An agreement whose history happened in 2024, recorded after the fact: appended straight to the event store
/// with the timestamps of when things happened, since the API always records "now".
/// </summary>
public sealed record Past2024(Guid AgreementId, string Code, Guid WorkstreamId, Guid Training, Guid Exhibition)
{
    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public static async Task<Past2024> RecordAsync(IDocumentStore store)
    {
        var past = new Past2024(Guid.CreateVersion7(), Programme.UniqueCode("PAST"), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (a, w) = (past.AgreementId, past.WorkstreamId);
        await AppendAsync(store, At(2024, 1, 10), s =>
        [
            s.Events.StartStream<Agreement>(a,
                new AgreementRegistered(a, past.Code, new LocalizedText(En: "Cooperation in staff training"),
                    [new Party($"vn-{past.Code}".ToLowerInvariant(), new LocalizedText(En: "Ministry of Home Affairs"), "VN"),
                     new Party($"la-{past.Code}".ToLowerInvariant(), new LocalizedText(En: "Lao Ministry of Home Affairs"), "LA")],
                    new PartialDate(2023, 5, 23), null, new ValidityPeriod(new PartialDate(2023, 6, 1), new PartialDate(2027, 12, 31)),
                    AgreementStatus.InForce, null, null, false),
                new WorkstreamAdded(a, w, "TRAIN")),
            s.Events.StartStream<Workstream>(w, new WorkstreamOpened(w, a, "TRAIN", new LocalizedText(En: "Training"), null, null, null, null, false)),
        ]);
        await AppendAsync(store, At(2024, 1, 20), s => [s.Events.Append(w,
            new MilestonePlanned(w, a, past.Training, new LocalizedText(En: "20 officials trained"), new DateOnly(2024, 3, 31), 1, false),
            new MilestonePlanned(w, a, past.Exhibition, new LocalizedText(En: "Anniversary exhibition"), new DateOnly(2024, 9, 30), 1, false))]);
        await AppendAsync(store, At(2024, 4, 2), s => [s.Events.Append(w,
            new MilestoneCompleted(w, a, past.Training, new DateOnly(2024, 3, 30), null, "All 20 attended"))]);
        await AppendAsync(store, At(2024, 7, 1), s => [s.Events.Append(w,
            new MilestoneRescheduled(w, a, past.Exhibition, new DateOnly(2024, 9, 30), new DateOnly(2024, 12, 31), "Venue under repair"))]);
        return past;
    }

    private static async Task AppendAsync(IDocumentStore store, DateTimeOffset at, Func<IDocumentSession, IEnumerable<StreamAction>> append)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "secretariat";
        foreach (var e in append(session).SelectMany(stream => stream.Events)) e.Timestamp = at;
        await session.SaveChangesAsync();
    }
}

/// <summary>Committee work set up through the public API.</summary>
public static class CommitteeWork
{
    public static async Task<Guid> EstablishedCommittee(this HttpClient api, Guid agreementId, string name) =>
        await IdFrom(await api.PostAsJsonAsync($"/api/agreements/{agreementId}/committees",
            new { name = new { en = name }, mandate = new { en = "Reviews the progress of the agreement" } }));

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
