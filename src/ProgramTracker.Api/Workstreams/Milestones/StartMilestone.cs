using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

public sealed record StartMilestone(DateOnly? StartedOn = null, Correction? Correction = null)
{
    public static Decision Decide(StartMilestone command, Workstream workstream, Guid milestoneId, DateOnly today,
        Recorder? recorder = null)
    {
        if (MilestoneRules.Open(workstream, milestoneId, "start") is { } closed) return closed;
        var milestone = workstream.FindMilestone(milestoneId)!;
        var startedOn = command.StartedOn ?? today;
        if (milestone.StartedOn is { } started)
            return Refusal.Conflict("milestoneId", "already-started", $"The milestone already started on {started:yyyy-MM-dd}.");
        if (milestone.Status == MilestoneStatus.Blocked)
            return Refusal.Conflict("milestoneId", "milestone-blocked", $"The milestone is blocked ({milestone.BlockedReason}); unblock it first.");
        if (MilestoneRules.NotInFuture("startedOn", startedOn, today, "A start") is { } future) return future;

        return (recorder ?? Recorder.Direct).Record(workstream, new MilestoneStarted(workstream.Id, workstream.AgreementId, milestoneId, startedOn),
            "startedOn", startedOn, command.Correction);
    }
}

public static class StartMilestoneEndpoint
{
    public static ProblemDetails Validate(StartMilestone command) => new InputRules()
        .Date("startedOn", command.StartedOn)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/start")]
    public static async Task<IResult> Post(Guid workstreamId, Guid milestoneId, StartMilestone command, IDocumentSession session,
        HttpContext http, TimeProvider clock)
    {
        var rules = await Recorder.AlongsideWorkstreamAsync(http, workstreamId);
        return await session.DecideAsync<Workstream, Recorder>(http, workstreamId, command, rules,
            (workstream, recorder) => StartMilestone.Decide(command, workstream, milestoneId, clock.Today(), recorder), "workstream");
    }
}
