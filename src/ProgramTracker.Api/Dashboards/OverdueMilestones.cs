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
    int Percent,
    string? AgreementCode = null);

public static class OverdueMilestonesEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [Returns<List<OverdueMilestone>>]
    [WolverineGet("/api/milestones/overdue")]
    public static async Task<IResult> Get(string? agreementId, IQuerySession session, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryGuid("agreementId", agreementId, out var agreement, out var problem)) return problem!;
        var ct = http.RequestAborted;
        var access = await http.AccessAsync();
        if (agreement is { } aid && (!access.CanRead(aid) || await session.LoadAsync<Agreement>(aid, ct) is null))
            return Problems.NotFound("agreement", aid, "agreementId");

        return Results.Ok(await reads.OverdueAsync(agreement, access.VisibleAgreements, ct));
    }
}
