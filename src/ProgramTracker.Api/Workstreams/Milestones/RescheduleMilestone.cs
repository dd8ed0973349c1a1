using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

/// <summary>Moves the current due date. The baseline planned at the start never moves, so the slippage stays visible.</summary>
public sealed record RescheduleMilestone(DateOnly NewDueDate, string Reason)
{
    public static Decision Decide(RescheduleMilestone command, Workstream workstream, ValidityPeriod validity, Guid milestoneId)
    {
        if (MilestoneRules.Open(workstream, milestoneId, "be rescheduled") is { } closed) return closed;
        var milestone = workstream.FindMilestone(milestoneId)!;
        if (command.NewDueDate == milestone.DueDate)
            return Refusal.Invalid("newDueDate", "same-due-date", $"The milestone is already due on {milestone.DueDate:yyyy-MM-dd}.");
        if (!validity.MayContain(command.NewDueDate))
            return Refusal.Invalid("newDueDate", "outside-validity",
                $"The new due date {command.NewDueDate:yyyy-MM-dd} is outside the agreement's validity ({validity.From?.ToString() ?? "open"} to {validity.To?.ToString() ?? "open"}).");

        return Decision.Accept(new MilestoneRescheduled(workstream.Id, workstream.AgreementId, milestoneId, milestone.DueDate,
            command.NewDueDate, command.Reason.Trim()));
    }
}

public static class RescheduleMilestoneEndpoint
{
    public static ProblemDetails Validate(RescheduleMilestone command) => new InputRules()
        .Date("newDueDate", command.NewDueDate)
        .Reason(command.Reason)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones/{milestoneId}/reschedule")]
    public static async Task<IResult> Post(Guid workstreamId, Guid milestoneId, RescheduleMilestone command, IDocumentSession session,
        HttpContext http)
    {
        var validity = await AgreementValidity.ForWorkstreamAsync(session, workstreamId, http.RequestAborted);
        return await session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => RescheduleMilestone.Decide(command, workstream, validity, milestoneId), "workstream");
    }
}
