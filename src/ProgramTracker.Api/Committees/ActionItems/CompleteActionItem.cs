using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.ActionItems;

public sealed record CompleteActionItem(DateOnly? CompletedOn = null, string? Note = null)
{
    public static Decision Decide(CompleteActionItem command, Committee committee, Guid actionItemId, DateOnly today)
    {
        if (CommitteeRules.OpenActionItem(committee, actionItemId, out var item) is { } refusal) return refusal;
        var on = command.CompletedOn ?? today;
        if (CommitteeRules.FutureDate(on, today, "completedOn") is { } future) return future;
        if (on < item.AssignedOn)
            return Refusal.Invalid("completedOn", "before-assigned", $"The action was assigned on {item.AssignedOn:yyyy-MM-dd}; it cannot be completed before that.");

        return Decision.Accept(new ActionItemCompleted(committee.Id, committee.AgreementId, actionItemId, item.PersonId, on, command.Note?.Trim()));
    }
}

public static class CompleteActionItemEndpoint
{
    public static ProblemDetails Validate(CompleteActionItem command) => new InputRules()
        .MaxLength("note", command.Note, InputRules.LongText)
        .ToProblem();

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Writes]
    [WolverinePost("/api/committees/{committeeId}/action-items/{actionItemId}/complete")]
    public static Task<IResult> Post(Guid committeeId, Guid actionItemId, CompleteActionItem command, IDocumentSession session, HttpContext http,
        TimeProvider clock) =>
        session.DecideAsync<Committee>(http, committeeId, command,
            committee => CompleteActionItem.Decide(command, committee, actionItemId, clock.Today()), "committee");
}
