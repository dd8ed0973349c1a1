using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Committees;

/// <summary>Rules several committee commands share.</summary>
public static class CommitteeRules
{
    /// <summary>Refuses a date surely before the committee existed; a founding date known only in part is judged on its earliest day.</summary>
    public static Refusal? BeforeEstablished(Committee committee, DateOnly date, string field) =>
        committee.EstablishedOn?.Earliest is { } established && date < established
            ? Refusal.Invalid(field, "before-established",
                $"The committee was established on {committee.EstablishedOn}; '{field}' cannot be before that.")
            : null;

    public static Refusal? OutsideAgreement(Agreement agreement, Guid workstreamId, string field) =>
        agreement.Workstreams.Any(w => w.WorkstreamId == workstreamId)
            ? null
            : Refusal.Invalid(field, "workstream-other-agreement",
                $"Workstream {workstreamId} is not part of the agreement '{agreement.Code}' this committee governs.");

    public static Refusal? OutsideAgreement(Agreement agreement, IReadOnlyList<Guid>? workstreamIds, string field)
    {
        for (var i = 0; i < (workstreamIds?.Count ?? 0); i++)
        {
            if (OutsideAgreement(agreement, workstreamIds![i], $"{field}[{i}]") is { } refusal) return refusal;
        }
        return null;
    }

    public static Refusal? HeldMeeting(Committee committee, Guid meetingId, out Meeting meeting)
    {
        meeting = committee.FindMeeting(meetingId)!;
        if (meeting is null) return Refusal.NotFound("meetingId", "meeting-not-found", $"The committee has no meeting with the id {meetingId}.");
        if (!meeting.Held)
            return Refusal.Conflict("meetingId", "meeting-not-held",
                $"The meeting scheduled for {meeting.ScheduledOn:yyyy-MM-dd} has not been recorded as held yet.");
        return null;
    }

    public static Refusal? OpenActionItem(Committee committee, Guid actionItemId, out ActionItem item)
    {
        item = committee.FindActionItem(actionItemId)!;
        if (item is null) return Refusal.NotFound("actionItemId", "action-item-not-found", $"The committee has no action item with the id {actionItemId}.");
        if (!item.IsOpen)
            return Refusal.Conflict("actionItemId", "action-item-closed",
                $"The action item was already {item.Status.ToString().ToLowerInvariant()} on {item.ClosedOn:yyyy-MM-dd}.");
        return null;
    }

    public static Refusal? FutureDate(DateOnly date, DateOnly today, string field) =>
        date > today ? Refusal.Invalid(field, "future-date", $"'{field}' cannot be a date in the future.") : null;
}

public static class CommitteeAgreement
{
    /// <summary>The agreement a committee governs, or null when either is unknown.</summary>
    public static async Task<Agreement?> LoadAsync(IQuerySession session, Guid committeeId, CancellationToken ct)
    {
        var committee = await session.LoadAsync<Committee>(committeeId, ct);
        return committee is null ? null : await session.LoadAsync<Agreement>(committee.AgreementId, ct);
    }
}
