using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

public sealed record CompleteMilestone(DateOnly CompletedOn, string? EvidenceUrl = null, string? Note = null, Correction? Correction = null)
{
    public static Decision Decide(CompleteMilestone command, Workstream workstream, Guid milestoneId, DateOnly today,
        Recorder? recorder = null)
    {
        if (MilestoneRules.Open(workstream, milestoneId, "complete") is { } refusal) return refusal;
        var milestone = workstream.FindMilestone(milestoneId)!;
        if (command.CompletedOn > today)
            return Refusal.Invalid("completedOn", "future-date", "A milestone cannot be completed on a date in the future.");
        if (milestone.Status == MilestoneStatus.Blocked)
            return Refusal.Conflict("milestoneId", "milestone-blocked", $"The milestone is blocked ({milestone.BlockedReason}); unblock it first.");
        if (milestone.StartedOn is { } started && command.CompletedOn < started)
            return Refusal.Invalid("completedOn", "before-start", $"The milestone started on {started:yyyy-MM-dd}; it cannot be completed before that.");

        return (recorder ?? Recorder.Direct).Record(workstream, new MilestoneCompleted(workstream.Id, workstream.AgreementId, milestoneId,
            command.CompletedOn, command.EvidenceUrl, command.Note), "completedOn", command.CompletedOn, command.Correction);
    }
}

public static class CompleteMilestoneEndpoint
{
    public static ProblemDetails Validate(CompleteMilestone command) => new InputRules()
        .Url("evidenceUrl", command.EvidenceUrl)
        .MaxLength("note", command.Note, InputRules.LongText)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/complete")]
    public static async Task<IResult> Post(Guid workstreamId, Guid milestoneId, CompleteMilestone command, IDocumentSession session,
        HttpContext http, TimeProvider clock)
    {
        var rules = await Recorder.AlongsideWorkstreamAsync(http, workstreamId);
        return await session.DecideAsync<Workstream, Recorder>(http, workstreamId, command, rules,
            (workstream, recorder) => CompleteMilestone.Decide(command, workstream, milestoneId, clock.Today(), recorder), "workstream");
    }
}
