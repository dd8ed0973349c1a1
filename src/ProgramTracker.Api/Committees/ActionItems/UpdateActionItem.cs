using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.ActionItems;

/// <summary>Progress on an open action item, and a new due date when it moves.</summary>
public sealed record UpdateActionItem(string Note, DateOnly? DueDate = null, DateOnly? UpdatedOn = null)
{
    public static Decision Decide(UpdateActionItem command, Committee committee, Guid actionItemId, DateOnly today)
    {
        if (CommitteeRules.OpenActionItem(committee, actionItemId, out var item) is { } refusal) return refusal;
        var on = command.UpdatedOn ?? today;
        if (CommitteeRules.FutureDate(on, today, "updatedOn") is { } future) return future;
        if (on < item.AssignedOn)
            return Refusal.Invalid("updatedOn", "before-assigned", $"The action was assigned on {item.AssignedOn:yyyy-MM-dd}; it cannot be updated before that.");
        if (command.DueDate is { } due && due < item.AssignedOn)
            return Refusal.Invalid("dueDate", "before-assigned", $"The action was assigned on {item.AssignedOn:yyyy-MM-dd}; it cannot be due before that.");

        var moved = command.DueDate is { } d && d != item.DueDate;
        return Decision.Accept(new ActionItemUpdated(committee.Id, committee.AgreementId, actionItemId, item.PersonId, command.Note.Trim(),
            moved ? item.DueDate : null, moved ? command.DueDate : null, on));
    }
}

public static class UpdateActionItemEndpoint
{
    public static ProblemDetails Validate(UpdateActionItem command) => new InputRules()
        .Required("note", command.Note, InputRules.LongText)
        .ToProblem();

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Writes]
    [WolverinePost("/api/committees/{committeeId}/action-items/{actionItemId}/update")]
    public static Task<IResult> Post(Guid committeeId, Guid actionItemId, UpdateActionItem command, IDocumentSession session, HttpContext http,
        TimeProvider clock) =>
        session.DecideAsync<Committee>(http, committeeId, command,
            committee => UpdateActionItem.Decide(command, committee, actionItemId, clock.Today()), "committee");
}
