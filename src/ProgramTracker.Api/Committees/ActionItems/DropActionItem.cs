using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.ActionItems;

public sealed record DropActionItem(string Reason, DateOnly? DroppedOn = null)
{
    public static Decision Decide(DropActionItem command, Committee committee, Guid actionItemId, DateOnly today)
    {
        if (CommitteeRules.OpenActionItem(committee, actionItemId, out var item) is { } refusal) return refusal;
        var on = command.DroppedOn ?? today;
        if (CommitteeRules.FutureDate(on, today, "droppedOn") is { } future) return future;
        if (on < item.AssignedOn)
            return Refusal.Invalid("droppedOn", "before-assigned", $"The action was assigned on {item.AssignedOn:yyyy-MM-dd}; it cannot be dropped before that.");

        return Decision.Accept(new ActionItemDropped(committee.Id, committee.AgreementId, actionItemId, item.PersonId, on, command.Reason.Trim()));
    }
}

public static class DropActionItemEndpoint
{
    public static ProblemDetails Validate(DropActionItem command) => new InputRules()
        .Required("reason", command.Reason, InputRules.LongText)
        .ToProblem();

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Writes]
    [WolverinePost("/api/committees/{committeeId}/action-items/{actionItemId}/drop")]
    public static Task<IResult> Post(Guid committeeId, Guid actionItemId, DropActionItem command, IDocumentSession session, HttpContext http,
        TimeProvider clock) =>
        session.DecideAsync<Committee>(http, committeeId, command,
            committee => DropActionItem.Decide(command, committee, actionItemId, clock.Today()), "committee");
}
