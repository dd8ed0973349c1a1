using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

/// <summary>How far a milestone has come, in the officer's words. A report on a planned milestone starts it.</summary>
public sealed record ReportMilestoneProgress(int Percent, string Narrative, string? EvidenceUrl = null, DateOnly? ReportedOn = null,
    Correction? Correction = null)
{
    public static Decision Decide(ReportMilestoneProgress command, Workstream workstream, Guid milestoneId, DateOnly today,
        Recorder? recorder = null)
    {
        if (MilestoneRules.Open(workstream, milestoneId, "take progress reports") is { } closed) return closed;
        var milestone = workstream.FindMilestone(milestoneId)!;
        var reportedOn = command.ReportedOn ?? today;
        if (MilestoneRules.NotInFuture("reportedOn", reportedOn, today, "Progress") is { } future) return future;
        if (milestone.StartedOn is { } started && reportedOn < started)
            return Refusal.Invalid("reportedOn", "before-start", $"The milestone started on {started:yyyy-MM-dd}; progress cannot be reported before that.");

        return (recorder ?? Recorder.Direct).Record(workstream, new MilestoneProgressReported(workstream.Id, workstream.AgreementId,
            milestoneId, command.Percent, command.Narrative.Trim(), command.EvidenceUrl, reportedOn), "reportedOn", reportedOn, command.Correction);
    }
}

public static class ReportMilestoneProgressEndpoint
{
    public static ProblemDetails Validate(ReportMilestoneProgress command) => new InputRules()
        .Range("percent", command.Percent, 0, 100)
        .Required("narrative", command.Narrative, InputRules.LongText)
        .Url("evidenceUrl", command.EvidenceUrl)
        .Date("reportedOn", command.ReportedOn)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/progress")]
    public static async Task<IResult> Post(Guid workstreamId, Guid milestoneId, ReportMilestoneProgress command, IDocumentSession session,
        HttpContext http, TimeProvider clock)
    {
        var rules = await Recorder.AlongsideWorkstreamAsync(http, workstreamId);
        return await session.DecideAsync<Workstream, Recorder>(http, workstreamId, command, rules,
            (workstream, recorder) => ReportMilestoneProgress.Decide(command, workstream, milestoneId, clock.Today(), recorder), "workstream");
    }
}
