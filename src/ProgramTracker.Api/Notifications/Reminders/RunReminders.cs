using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Notifications.Reminders;

public static class RunRemindersEndpoint
{
    /// <summary>
    /// Sends the digests of <c>day</c> (default: today where the digests are sent) now. Idempotent for the day: people
    /// already sent their digest, by the daily job or an earlier run, are not sent another.
    /// </summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<DigestRunResult>]
    [EndpointName("runReminders")]
    [WolverinePost("/api/admin/reminders/run")]
    public static async Task<IResult> Post(string? day, DigestRun run, IOptions<ReminderOptions> options, TimeProvider clock, HttpContext http)
    {
        if (!QueryValues.TryDate("day", day, out var parsed, out var problem)) return problem!;
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.Value.Zone).DateTime);
        return Results.Ok(await run.RunAsync(parsed ?? local, http.RequestAborted));
    }
}
