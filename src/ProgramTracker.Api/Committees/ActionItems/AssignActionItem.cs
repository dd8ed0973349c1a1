using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.ActionItems;

/// <summary>An action the committee assigns to a person, a workstream, or both, with a due date.</summary>
public sealed record AssignActionItem(
    string Text,
    DateOnly DueDate,
    string? PersonId = null,
    string? PersonName = null,
    Guid? WorkstreamId = null,
    Guid? MeetingId = null,
    DateOnly? AssignedOn = null,
    Guid? ActionItemId = null)
{
    public static Decision Decide(AssignActionItem command, Committee committee, Agreement agreement, Guid actionItemId, DateOnly today)
    {
        Meeting? meeting = null;
        if (command.MeetingId is { } meetingId && (meeting = committee.FindMeeting(meetingId)) is null)
            return Refusal.NotFound("meetingId", "meeting-not-found", $"The committee has no meeting with the id {meetingId}.");

        var assignedOn = command.AssignedOn ?? meeting?.HeldOn ?? today;
        if (CommitteeRules.FutureDate(assignedOn, today, "assignedOn") is { } future) return future;
        if (CommitteeRules.BeforeEstablished(committee, assignedOn, "assignedOn") is { } early) return early;
        if (command.DueDate < assignedOn)
            return Refusal.Invalid("dueDate", "before-assigned", $"The action is assigned on {assignedOn:yyyy-MM-dd}; it cannot be due before that.");
        if (command.WorkstreamId is { } ws && CommitteeRules.OutsideAgreement(agreement, ws, "workstreamId") is { } outside) return outside;

        var personId = command.PersonId?.Trim();
        var personName = command.PersonName?.Trim() is { Length: > 0 } given ? given : personId is null ? null : committee.NameOf(personId);
        if (personId is not null && personName is null)
            return Refusal.Invalid("personName", "name-required", $"{personId} does not sit on this committee; give their 'personName'.");
        if (committee.FindActionItem(actionItemId) is not null)
            return Refusal.Conflict("actionItemId", "action-item-exists", $"The committee already has an action item with the id {actionItemId}.");

        return Decision.Accept(new ActionItemAssigned(committee.Id, committee.AgreementId, actionItemId, command.Text.Trim(), personId, personName,
            command.WorkstreamId, command.DueDate, command.MeetingId, assignedOn));
    }
}

public static class AssignActionItemEndpoint
{
    public static ProblemDetails Validate(AssignActionItem command) => new InputRules()
        .Required("text", command.Text, InputRules.LongText)
        .Must(command.PersonId is not null || command.WorkstreamId is not null, "personId", "assignee-required",
            "An action item is assigned to a person ('personId'), a workstream ('workstreamId'), or both.")
        .Must(command.PersonId is null || !string.IsNullOrWhiteSpace(command.PersonId), "personId", "required", "'personId' cannot be blank.")
        .MaxLength("personId", command.PersonId, 80)
        .MaxLength("personName", command.PersonName)
        .ToProblem();

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Creates]
    [WolverinePost("/api/committees/{committeeId}/action-items")]
    public static async Task<IResult> Post(Guid committeeId, AssignActionItem command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var agreement = await CommitteeAgreement.LoadAsync(session, committeeId, http.RequestAborted);
        if (agreement is null) return Problems.NotFound("committee", committeeId);
        var id = command.ActionItemId ?? Guid.CreateVersion7();
        return await session.DecideAsync<Committee>(http, committeeId, command,
            committee => AssignActionItem.Decide(command, committee, agreement, id, clock.Today()), "committee",
            new Created(id, $"/api/committees/{committeeId}/action-items/{id}"));
    }
}
