using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Milestones;

public sealed record PlanMilestone(LocalizedText Title, DateOnly DueDate, decimal Weight = 1, Guid? MilestoneId = null)
{
    public static Decision Decide(PlanMilestone command, Workstream workstream, ValidityPeriod validity, Guid milestoneId, bool isSample = false)
    {
        if (workstream.FindMilestone(milestoneId) is not null)
            return Refusal.Conflict("milestoneId", "milestone-exists", $"The workstream already has a milestone {milestoneId}.");
        if (!validity.MayContain(command.DueDate))
            return Refusal.Invalid("dueDate", "outside-validity",
                $"The due date {command.DueDate:yyyy-MM-dd} is outside the agreement's validity ({validity.From?.ToString() ?? "open"} to {validity.To?.ToString() ?? "open"}).");

        return Decision.Accept(new MilestonePlanned(workstream.Id, workstream.AgreementId, milestoneId, command.Title,
            command.DueDate, command.Weight, isSample));
    }
}

public static class PlanMilestoneEndpoint
{
    public static ProblemDetails Validate(PlanMilestone command) => new InputRules()
        .Text("title", command.Title, maxLength: 500)
        .Range("weight", command.Weight, 0.1m, 1000m)
        .Must(command.DueDate.Year is >= 1990 and <= 2200, "dueDate", "range", "'dueDate' must be a real date between 1990 and 2200.")
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Creates]
    [WolverinePost("/api/workstreams/{workstreamId}/milestones")]
    public static async Task<IResult> Post(Guid workstreamId, PlanMilestone command, IDocumentSession session, HttpContext http)
    {
        var milestoneId = command.MilestoneId ?? Guid.CreateVersion7();
        var validity = await AgreementValidity.ForWorkstreamAsync(session, workstreamId, http.RequestAborted);
        return await session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => PlanMilestone.Decide(command, workstream, validity, milestoneId),
            "workstream", new Created(milestoneId, $"/api/workstreams/{workstreamId}#milestone-{milestoneId}"));
    }
}
