using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Dashboards;

public sealed record OverdueMilestone(
    Guid MilestoneId,
    LocalizedText Title,
    Guid WorkstreamId,
    string? WorkstreamCode,
    LocalizedText? WorkstreamTitle,
    Guid AgreementId,
    DateOnly BaselineDueDate,
    DateOnly DueDate,
    int DaysOverdue,
    int VarianceDays,
    MilestoneStatus Status,
    int Percent);

public static class OverdueMilestonesEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [Reads<List<OverdueMilestone>>]
    [WolverineGet("/api/milestones/overdue")]
    public static async Task<IResult> Get(string? agreementId, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        if (!QueryValues.TryGuid("agreementId", agreementId, out var agreement, out var problem)) return problem!;
        var ct = http.RequestAborted;
        var access = await http.AccessAsync();
        if (agreement is { } aid && (!access.CanRead(aid) || await session.LoadAsync<Agreement>(aid, ct) is null))
            return Problems.NotFound("agreement", aid, "agreementId");

        var today = clock.Today();
        var query = session.Query<ScheduledMilestone>().Where(m => m.Open && m.DueDate < today);
        if (agreement is { } id) query = query.Where(m => m.AgreementId == id);
        if (access.VisibleAgreements is { } visible) query = query.Where(m => m.AgreementId.IsOneOf(visible));
        var overdue = await query.OrderBy(m => m.DueDate).Take(1000).ToListAsync(ct);

        var workstreams = (await session.LoadManyAsync<Workstream>(ct, overdue.Select(m => m.WorkstreamId).Distinct()))
            .ToDictionary(w => w.Id);
        return Results.Ok(overdue.Select(s =>
        {
            var m = s.Milestone;
            var w = workstreams.GetValueOrDefault(s.WorkstreamId);
            return new OverdueMilestone(m.Id, m.Title, s.WorkstreamId, w?.Code, w?.Title, s.AgreementId, m.BaselineDueDate, m.DueDate,
                today.DayNumber - m.DueDate.DayNumber, m.VarianceDays, m.Status, m.Percent);
        }).ToList());
    }
}
