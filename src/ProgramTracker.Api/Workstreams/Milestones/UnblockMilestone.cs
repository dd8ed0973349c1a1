using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

public sealed record UnblockMilestone(string Reason, DateOnly? UnblockedOn = null, Correction? Correction = null)
{
    public static Decision Decide(UnblockMilestone command, Workstream workstream, Guid milestoneId, DateOnly today,
        Recorder? recorder = null)
    {
        var milestone = workstream.FindMilestone(milestoneId);
        if (milestone is null)
            return Refusal.NotFound("milestoneId", "not-found", $"The workstream has no milestone {milestoneId}.");
        if (milestone.Status != MilestoneStatus.Blocked)
            return Refusal.Conflict("milestoneId", "not-blocked", $"The milestone is not blocked (it is {milestone.Status.ToString().ToLowerInvariant()}).");
        var unblockedOn = command.UnblockedOn ?? today;
        if (MilestoneRules.NotInFuture("unblockedOn", unblockedOn, today, "An unblock") is { } future) return future;
        if (milestone.BlockedOn is { } blockedOn && unblockedOn < blockedOn)
            return Refusal.Invalid("unblockedOn", "before-block", $"The milestone was blocked on {blockedOn:yyyy-MM-dd}; it cannot be unblocked before that.");

        return (recorder ?? Recorder.Direct).Record(workstream, new MilestoneUnblocked(workstream.Id, workstream.AgreementId, milestoneId,
            command.Reason.Trim(), unblockedOn), "unblockedOn", unblockedOn, command.Correction);
    }
}

public static class UnblockMilestoneEndpoint
{
    public static ProblemDetails Validate(UnblockMilestone command) => new InputRules()
        .Reason(command.Reason)
        .Date("unblockedOn", command.UnblockedOn)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/unblock")]
    public static async Task<IResult> Post(Guid workstreamId, Guid milestoneId, UnblockMilestone command, IDocumentSession session,
        HttpContext http, TimeProvider clock)
    {
        var rules = await Recorder.AlongsideWorkstreamAsync(http, workstreamId);
        return await session.DecideAsync<Workstream, Recorder>(http, workstreamId, command, rules,
            (workstream, recorder) => UnblockMilestone.Decide(command, workstream, milestoneId, clock.Today(), recorder), "workstream");
    }
}
