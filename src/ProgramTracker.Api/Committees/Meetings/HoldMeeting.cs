using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Agreements.ReviewPacks;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.Meetings;

/// <summary>
/// Records that a meeting took place and who attended. The quorum is judged against the members in office on the
/// meeting day under the committee's rule. A meeting without quorum is still recorded; it cannot take decisions.
/// Holding it also freezes the agreement's review pack as of the meeting day (ReviewPackFrozen, same transaction).
/// </summary>
public sealed record HoldMeeting(IReadOnlyList<string> Attendees, DateOnly? HeldOn = null, IReadOnlyList<string>? Guests = null)
{
    public static Decision Decide(HoldMeeting command, Committee committee, Guid meetingId, DateOnly today)
    {
        var meeting = committee.FindMeeting(meetingId);
        if (meeting is null) return Refusal.NotFound("meetingId", "meeting-not-found", $"The committee has no meeting with the id {meetingId}.");
        if (meeting.Held) return Refusal.Conflict("meetingId", "already-held", $"The meeting was already recorded as held on {meeting.HeldOn:yyyy-MM-dd}.");

        var heldOn = command.HeldOn ?? meeting.ScheduledOn;
        if (CommitteeRules.FutureDate(heldOn, today, "heldOn") is { } future) return future;
        if (CommitteeRules.BeforeEstablished(committee, heldOn, "heldOn") is { } early) return early;

        var inOffice = committee.PeopleInOfficeOn(heldOn);
        var attendees = command.Attendees.Select(a => a.Trim()).Distinct().ToList();
        for (var i = 0; i < attendees.Count; i++)
        {
            if (!inOffice.Contains(attendees[i]))
                return Refusal.Invalid($"attendees[{i}]", "not-a-member",
                    $"{attendees[i]} was not a member of the committee on {heldOn:yyyy-MM-dd}; list them under 'guests'.");
        }

        var required = committee.Quorum.Required(inOffice.Count);
        return Decision.Accept(new MeetingHeld(committee.Id, committee.AgreementId, meetingId, heldOn, attendees,
            [.. (command.Guests ?? []).Select(g => g.Trim())], inOffice.Count, required, QuorumRule.IsReached(attendees.Count, required)));
    }
}

public static class HoldMeetingEndpoint
{
    public static ProblemDetails Validate(HoldMeeting command)
    {
        var rules = new InputRules()
            .Must(command.Attendees.Count <= 200, "attendees", "max-attendees", "At most 200 attendees.")
            .Must((command.Guests?.Count ?? 0) <= 200, "guests", "max-guests", "At most 200 guests.");
        for (var i = 0; i < command.Attendees.Count; i++) rules.Required($"attendees[{i}]", command.Attendees[i], 80);
        for (var i = 0; i < (command.Guests?.Count ?? 0); i++) rules.Required($"guests[{i}]", command.Guests![i]);
        return rules.ToProblem();
    }

    [Authorize(Policy = Policies.ActOnCommittee)]
    [Writes]
    [WolverinePost("/api/committees/{committeeId}/meetings/{meetingId}/held")]
    public static async Task<IResult> Post(Guid committeeId, Guid meetingId, HoldMeeting command, IDocumentSession session, HttpContext http,
        TimeProvider clock, Reads reads)
    {
        // The review pack the meeting had before it, as of the meeting day, is frozen in the same transaction.
        var committee = await session.LoadAsync<Committee>(committeeId, http.RequestAborted);
        var frozen = committee?.FindMeeting(meetingId) is { Held: false } meeting
            ? await FrozenPacks.FreezeAsync(session, committee.AgreementId, command.HeldOn ?? meeting.ScheduledOn, AsOfBasis.Recorded, meetingId,
                reads.StaleAfterDays, http.RequestAborted)
            : null;
        return await session.DecideAsync<Committee>(http, committeeId, command, current =>
        {
            var decision = HoldMeeting.Decide(command, current, meetingId, clock.Today());
            return decision.Accepted && frozen is not null ? decision.AndAppend(current.AgreementId, frozen) : decision;
        }, "committee");
    }
}
