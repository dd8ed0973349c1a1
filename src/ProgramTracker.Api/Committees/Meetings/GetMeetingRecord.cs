using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.Meetings;

public static class GetMeetingRecordEndpoint
{
    /// <summary>The meeting's record, complete enough to print as its minutes.</summary>
    [Authorize(Policy = Policies.ReadCommittee)]
    [Returns<MeetingRecord>(ETag = true)]
    [WolverineGet("/api/committees/{committeeId}/meetings/{meetingId}")]
    public static async Task<IResult> Get(Guid committeeId, Guid meetingId, Reads reads, HttpContext http)
    {
        var (committee, record) = await reads.MeetingRecordAsync(committeeId, meetingId, http.RequestAborted);
        if (committee is null) return Problems.NotFound("committee", committeeId);
        if (record is null) return Problems.NotFound("meeting", meetingId, "meetingId");
        http.Response.Headers.ETag = ETags.For(committee.Version);
        return Results.Ok(record);
    }
}

public sealed record WorkstreamLabel(Guid WorkstreamId, string? Code);

public sealed record MinutesPerson(string PersonId, string Name, string? PartyId, IReadOnlyList<CommitteeRole> Roles);

public sealed record MinutesReview(Guid WorkstreamId, string? Code, Rag Rating, string Comments);

public sealed record MinutesDecision(Guid DecisionId, string Text, IReadOnlyList<WorkstreamLabel> WorkstreamsAffected, Votes? Votes, bool Consensus);

public sealed record MinutesAction(Guid ActionItemId, string Text, string? PersonId, string? PersonName, WorkstreamLabel? Workstream,
    DateOnly DueDate, ActionItemStatus Status, bool Overdue);

public sealed record MeetingRecord(
    Guid CommitteeId,
    Guid AgreementId,
    string? AgreementCode,
    LocalizedText CommitteeName,
    Guid MeetingId,
    string Status,
    DateOnly ScheduledOn,
    DateOnly? HeldOn,
    string? Location,
    bool IsSample,
    IReadOnlyList<WorkstreamLabel> Agenda,
    IReadOnlyList<MinutesPerson> Attendees,
    IReadOnlyList<MinutesPerson> Absent,
    IReadOnlyList<string> Guests,
    string QuorumRule,
    int MembersInOffice,
    int QuorumRequired,
    bool QuorumReached,
    IReadOnlyList<MinutesReview> Reviews,
    IReadOnlyList<MinutesDecision> Decisions,
    IReadOnlyList<MinutesAction> ActionItems,
    IReadOnlyList<PartyView>? Parties = null)
{
    public PartyView? Party(string? partyId) => Parties?.FirstOrDefault(p => p.PartyId == partyId);

    public static MeetingRecord From(Committee committee, Meeting meeting, Agreement? agreement, DateOnly today)
    {
        WorkstreamLabel Label(Guid id) => new(id, agreement?.Workstreams.FirstOrDefault(w => w.WorkstreamId == id)?.Code);
        var day = meeting.HeldOn ?? meeting.ScheduledOn;
        var seats = committee.InOfficeOn(day).ToList();
        MinutesPerson Person(string id) => new(id, committee.NameOf(id) ?? id, seats.FirstOrDefault(s => s.PersonId == id)?.PartyId,
            [.. seats.Where(s => s.PersonId == id).Select(s => s.Role).Distinct()]);
        var attendees = meeting.Attendees ?? [];

        return new MeetingRecord(committee.Id, committee.AgreementId, agreement?.Code, committee.Name, meeting.Id,
            meeting.Held ? "held" : "scheduled", meeting.ScheduledOn, meeting.HeldOn, meeting.Location, meeting.IsSample,
            [.. meeting.Agenda.Select(Label)],
            [.. attendees.Select(Person)],
            meeting.Held ? [.. seats.Select(s => s.PersonId).Distinct().Where(p => !attendees.Contains(p)).Select(Person)] : [],
            meeting.Guests ?? [], committee.Quorum.ToString(), meeting.MembersInOffice, meeting.QuorumRequired, meeting.QuorumReached,
            [.. (meeting.Reviews ?? []).Select(r => new MinutesReview(r.WorkstreamId, Label(r.WorkstreamId).Code, r.Rating, r.Comments))],
            [.. (meeting.Decisions ?? []).Select(d => new MinutesDecision(d.DecisionId, d.Text, [.. d.WorkstreamsAffected.Select(Label)], d.Votes, d.Consensus))],
            [.. committee.ActionItems.Where(a => a.MeetingId == meeting.Id).Select(a => new MinutesAction(a.Id, a.Text, a.PersonId, a.PersonName,
                a.WorkstreamId is { } w ? Label(w) : null, a.DueDate, a.Status, a.IsOverdue(today)))],
            agreement is null ? null : [.. agreement.Parties.Select(p => new PartyView(p.PartyId, p.Name, p.Country, p.ShortName))]);
    }
}
