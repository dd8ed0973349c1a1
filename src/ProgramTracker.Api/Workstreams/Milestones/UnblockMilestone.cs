using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

public sealed record UnblockMilestone(string Reason, DateOnly? UnblockedOn = null)
{
    public static Decision Decide(UnblockMilestone command, Workstream workstream, Guid milestoneId, DateOnly today)
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

        return Decision.Accept(new MilestoneUnblocked(workstream.Id, workstream.AgreementId, milestoneId, command.Reason.Trim(), unblockedOn));
    }
}

public static class UnblockMilestoneEndpoint
{
    public static ProblemDetails Validate(UnblockMilestone command) => new InputRules()
        .Reason(command.Reason)
        .Date("unblockedOn", command.UnblockedOn)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/unblock")]
    public static Task<IResult> Post(Guid workstreamId, Guid milestoneId, UnblockMilestone command, IDocumentSession session,
        HttpContext http, TimeProvider clock) =>
        session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => UnblockMilestone.Decide(command, workstream, milestoneId, clock.Today()), "workstream");
}
