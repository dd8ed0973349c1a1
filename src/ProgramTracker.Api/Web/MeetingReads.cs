using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.Meetings;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web;

/// <summary>Someone who may be ticked present: in office on the meeting day, with every seat they hold that day.</summary>
public sealed record AttendanceLine(string PersonId, string Name, string PartyId, IReadOnlyList<CommitteeRole> Roles);

/// <summary>
/// What a secretary runs a meeting from: its record as the API gives it (GET /api/committees/{id}/meetings/{mid}),
/// the dashboard card of each agenda workstream, and who may be ticked present on the day with the number the
/// committee's quorum rule asks of them, worked out by the same functions <see cref="HoldMeeting"/> decides with.
/// </summary>
public sealed record MeetingDesk(
    Committee Committee,
    Meeting Meeting,
    Agreement? Agreement,
    MeetingRecord Record,
    IReadOnlyList<WorkstreamDashboardView> Agenda,
    IReadOnlyList<Workstream> Workstreams,
    DateOnly AttendanceOn,
    IReadOnlyList<AttendanceLine> Attendance,
    int QuorumRequired)
{
    public bool CanBeHeld(DateOnly today) => !Meeting.Held && AttendanceOn <= today;

    /// <summary>Agenda workstreams this meeting has not reviewed yet: each gets a review form.</summary>
    public IEnumerable<WorkstreamDashboardView> NotYetReviewed =>
        Agenda.Where(w => Meeting.Reviews?.Any(r => r.WorkstreamId == w.WorkstreamId) != true);
}

public static class MeetingReads
{
    /// <summary>
    /// The meeting as its page shows it. Attendance is for the day it was held, or for <paramref name="heldOn"/> (the
    /// day the secretary says it was held), else the day it was scheduled.
    /// </summary>
    public static async Task<MeetingDesk?> DeskAsync(IQuerySession session, Reads reads, Guid committeeId, Guid meetingId, DateOnly? heldOn,
        CancellationToken ct)
    {
        var today = reads.Today;
        var committee = await session.LoadAsync<Committee>(committeeId, ct);
        if (committee?.FindMeeting(meetingId) is not { } meeting) return null;
        var agreement = await session.LoadAsync<Agreement>(committee.AgreementId, ct);
        var cards = (await reads.AgreementAsync(committee.AgreementId, null, ct))?.View.Workstreams.ToDictionary(w => w.WorkstreamId) ?? [];
        var ids = agreement?.Workstreams.Select(w => w.WorkstreamId).Concat(meeting.Agenda).Distinct().ToList() ?? [.. meeting.Agenda];
        var workstreams = await reads.WorkstreamsByIdAsync(ids, ct);

        var day = meeting.HeldOn ?? heldOn ?? meeting.ScheduledOn;
        var seats = committee.InOfficeOn(day).ToList();
        var attendance = seats.GroupBy(s => s.PersonId)
            .Select(g => new AttendanceLine(g.Key, g.Last().Name, g.First().PartyId, [.. g.Select(s => s.Role).Distinct().Order()]))
            .OrderBy(a => a.Roles.Min()).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();

        return new MeetingDesk(committee, meeting, agreement, MeetingRecord.From(committee, meeting, agreement, today),
            [.. meeting.Agenda.Where(cards.ContainsKey).Select(id => cards[id])],
            [.. ids.Where(workstreams.ContainsKey).Select(id => workstreams[id])],
            day, attendance, committee.Quorum.Required(committee.PeopleInOfficeOn(day).Count));
    }
}
