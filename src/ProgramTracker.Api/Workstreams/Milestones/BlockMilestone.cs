using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

public sealed record BlockMilestone(string Reason, DateOnly? BlockedOn = null, Correction? Correction = null)
{
    public static Decision Decide(BlockMilestone command, Workstream workstream, Guid milestoneId, DateOnly today,
        Recorder? recorder = null)
    {
        if (MilestoneRules.Open(workstream, milestoneId, "be blocked") is { } closed) return closed;
        var milestone = workstream.FindMilestone(milestoneId)!;
        var blockedOn = command.BlockedOn ?? today;
        if (milestone.Status == MilestoneStatus.Blocked)
            return Refusal.Conflict("milestoneId", "already-blocked", $"The milestone is already blocked ({milestone.BlockedReason}).");
        if (MilestoneRules.NotInFuture("blockedOn", blockedOn, today, "A block") is { } future) return future;

        return (recorder ?? Recorder.Direct).Record(workstream, new MilestoneBlocked(workstream.Id, workstream.AgreementId, milestoneId,
            command.Reason.Trim(), blockedOn), "blockedOn", blockedOn, command.Correction);
    }
}

public static class BlockMilestoneEndpoint
{
    public static ProblemDetails Validate(BlockMilestone command) => new InputRules()
        .Reason(command.Reason)
        .Date("blockedOn", command.BlockedOn)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/block")]
    public static async Task<IResult> Post(Guid workstreamId, Guid milestoneId, BlockMilestone command, IDocumentSession session,
        HttpContext http, TimeProvider clock)
    {
        var rules = await Recorder.AlongsideWorkstreamAsync(http, workstreamId);
        return await session.DecideAsync<Workstream, Recorder>(http, workstreamId, command, rules,
            (workstream, recorder) => BlockMilestone.Decide(command, workstream, milestoneId, clock.Today(), recorder), "workstream");
    }
}
