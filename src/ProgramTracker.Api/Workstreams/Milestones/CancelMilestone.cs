using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

/// <summary>Drops a milestone from the plan. It stays in the record, and no longer counts towards progress.</summary>
public sealed record CancelMilestone(string Reason, DateOnly? CancelledOn = null, Correction? Correction = null)
{
    public static Decision Decide(CancelMilestone command, Workstream workstream, Guid milestoneId, DateOnly today,
        Recorder? recorder = null)
    {
        if (MilestoneRules.Open(workstream, milestoneId, "be cancelled") is { } closed) return closed;
        var cancelledOn = command.CancelledOn ?? today;
        if (MilestoneRules.NotInFuture("cancelledOn", cancelledOn, today, "A cancellation") is { } future) return future;

        return (recorder ?? Recorder.Direct).Record(workstream, new MilestoneCancelled(workstream.Id, workstream.AgreementId, milestoneId,
            command.Reason.Trim(), cancelledOn), "cancelledOn", cancelledOn, command.Correction);
    }
}

public static class CancelMilestoneEndpoint
{
    public static ProblemDetails Validate(CancelMilestone command) => new InputRules()
        .Reason(command.Reason)
        .Date("cancelledOn", command.CancelledOn)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/cancel")]
    public static async Task<IResult> Post(Guid workstreamId, Guid milestoneId, CancelMilestone command, IDocumentSession session,
        HttpContext http, TimeProvider clock)
    {
        var rules = await Recorder.AlongsideWorkstreamAsync(http, workstreamId);
        return await session.DecideAsync<Workstream, Recorder>(http, workstreamId, command, rules,
            (workstream, recorder) => CancelMilestone.Decide(command, workstream, milestoneId, clock.Today(), recorder), "workstream");
    }
}
