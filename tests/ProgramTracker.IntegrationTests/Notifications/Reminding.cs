using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.IntegrationTests.Workstreams;
using Wolverine.Tracking;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>Sets up people to remind, runs the digests of a day and sees what was published.</summary>
public static class Reminding
{
    /// <summary>A workstream with this person as its officer and a milestone due <paramref name="dueInDays"/> after <paramref name="day"/>.</summary>
    public static async Task<Guid> OfficerWithMilestone(this HttpClient http, string personId, string name, DateOnly day, int dueInDays)
    {
        var agreement = await http.RegisteredAgreement(TestAgreements.AgreementBody(to: "2030-12-31"));
        var workstream = await http.OpenedWorkstream(agreement);
        (await http.PostJson($"/api/workstreams/{workstream}/officers", new { personId, name })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await http.PlannedMilestone(workstream, WorkstreamWrites.Day(day.AddDays(dueInDays)));
        return workstream;
    }

    public static async Task Profile(this IDocumentStore store, string personId, string? email, string language, params ReminderKind[] switchedOff)
    {
        await using var session = store.LightweightSession();
        session.Store(new PersonProfile { Id = personId, Name = null, Email = email, Language = language, SwitchedOff = [.. switchedOff] });
        await session.SaveChangesAsync();
    }

    /// <summary>Runs the day through the admin endpoint; answers the run's result and the digests published meanwhile.</summary>
    public static async Task<(DigestRunResult Result, IReadOnlyList<OutgoingMail> Published)> RunDay(this IServiceProvider services, HttpClient http,
        DateOnly day)
    {
        DigestRunResult? result = null;
        var tracked = await services.GetRequiredService<IHost>().TrackActivity(TimeSpan.FromSeconds(60))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            {
                using var response = await http.PostAsync($"/api/admin/reminders/run?day={WorkstreamWrites.Day(day)}", null);
                var body = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
                result = System.Text.Json.JsonSerializer.Deserialize<DigestRunResult>(body, Scenarios.Json);
            }));
        // With no handler on this branch the mail has no route; with the mail handler it is sent and handled. Either way, one envelope per mail.
        var published = tracked.AllRecordsInOrder()
            .Select(r => r.Envelope)
            .Where(e => e?.Message is OutgoingMail)
            .DistinctBy(e => e!.Id)
            .Select(e => (OutgoingMail)e!.Message!)
            .ToList();
        return (result!, published);
    }

    public static async Task<DigestSent?> DigestSent(this IDocumentStore store, string personId, DateOnly day)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<DigestSent>(Digest.MailId(personId, day));
    }

    public static async Task<long> ScheduledDailyRuns(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await DailySchedule.PendingAsync(connection, null, CancellationToken.None);
    }
}
