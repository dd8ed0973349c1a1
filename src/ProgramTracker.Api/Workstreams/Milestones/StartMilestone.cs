using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

public sealed record StartMilestone(DateOnly? StartedOn = null)
{
    public static Decision Decide(StartMilestone command, Workstream workstream, Guid milestoneId, DateOnly today)
    {
        if (MilestoneRules.Open(workstream, milestoneId, "start") is { } closed) return closed;
        var milestone = workstream.FindMilestone(milestoneId)!;
        var startedOn = command.StartedOn ?? today;
        if (milestone.StartedOn is { } started)
            return Refusal.Conflict("milestoneId", "already-started", $"The milestone already started on {started:yyyy-MM-dd}.");
        if (milestone.Status == MilestoneStatus.Blocked)
            return Refusal.Conflict("milestoneId", "milestone-blocked", $"The milestone is blocked ({milestone.BlockedReason}); unblock it first.");
        if (MilestoneRules.NotInFuture("startedOn", startedOn, today, "A start") is { } future) return future;

        return Decision.Accept(new MilestoneStarted(workstream.Id, workstream.AgreementId, milestoneId, startedOn));
    }
}

public static class StartMilestoneEndpoint
{
    public static ProblemDetails Validate(StartMilestone command) => new InputRules()
        .Date("startedOn", command.StartedOn)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/start")]
    public static Task<IResult> Post(Guid workstreamId, Guid milestoneId, StartMilestone command, IDocumentSession session,
        HttpContext http, TimeProvider clock) =>
        session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => StartMilestone.Decide(command, workstream, milestoneId, clock.Today()), "workstream");
}
