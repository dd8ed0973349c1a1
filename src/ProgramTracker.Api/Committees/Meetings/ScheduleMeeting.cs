using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.Meetings;

/// <summary>Schedules a meeting; its agenda is the workstreams it will review.</summary>
public sealed record ScheduleMeeting(DateOnly ScheduledOn, IReadOnlyList<Guid>? Agenda = null, string? Location = null, Guid? MeetingId = null)
{
    public static Decision Decide(ScheduleMeeting command, Committee committee, Agreement agreement, Guid meetingId, bool isSample = false)
    {
        if (CommitteeRules.BeforeEstablished(committee, command.ScheduledOn, "scheduledOn") is { } early) return early;
        if (CommitteeRules.OutsideAgreement(agreement, command.Agenda, "agenda") is { } outside) return outside;
        if (committee.FindMeeting(meetingId) is not null)
            return Refusal.Conflict("meetingId", "meeting-exists", $"The committee already has a meeting with the id {meetingId}.");

        return Decision.Accept(new MeetingScheduled(committee.Id, committee.AgreementId, meetingId, command.ScheduledOn,
            [.. (command.Agenda ?? []).Distinct()], command.Location?.Trim(), isSample));
    }
}

public static class ScheduleMeetingEndpoint
{
    public static ProblemDetails Validate(ScheduleMeeting command) => new InputRules()
        .Must(command.Agenda is null || command.Agenda.Count <= 50, "agenda", "max-agenda", "An agenda may hold at most 50 workstreams.")
        .MaxLength("location", command.Location, 300)
        .ToProblem();

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Creates]
    [WolverinePost("/api/committees/{committeeId}/meetings")]
    public static async Task<IResult> Post(Guid committeeId, ScheduleMeeting command, IDocumentSession session, HttpContext http)
    {
        var agreement = await CommitteeAgreement.LoadAsync(session, committeeId, http.RequestAborted);
        if (agreement is null) return Problems.NotFound("committee", committeeId);
        var meetingId = command.MeetingId ?? Guid.CreateVersion7();
        return await session.DecideAsync<Committee>(http, committeeId, command,
            committee => ScheduleMeeting.Decide(command, committee, agreement, meetingId), "committee",
            new Created(meetingId, $"/api/committees/{committeeId}/meetings/{meetingId}"));
    }
}
