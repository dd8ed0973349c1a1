using JasperFx.Events;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Committees;

/// <summary>One seat held by one person in one role, from a date until relieved. Relieved seats stay as history.</summary>
public sealed record Membership(
    string PersonId,
    string Name,
    CommitteeRole Role,
    string PartyId,
    Guid? WorkstreamId,
    DateOnly From,
    DateOnly? To = null,
    string? RelievedReason = null)
{
    /// <summary>In office on <paramref name="date"/>: appointed on or before it, and not relieved by then.</summary>
    public bool InOfficeOn(DateOnly date) => From <= date && (To is not { } to || date < to);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Open => To is null;

    public bool SameSeat(CommitteeRole role, Guid? workstreamId) =>
        Role == role && (role != CommitteeRole.FocalPoint || WorkstreamId == workstreamId);
}

public sealed record Review(Guid WorkstreamId, Rag Rating, string Comments, DateOnly ReviewedOn);

public sealed record CommitteeDecision(Guid DecisionId, string Text, IReadOnlyList<Guid> WorkstreamsAffected, Votes? Votes, bool Consensus, DateOnly DecidedOn);

public sealed record Meeting(
    Guid Id,
    DateOnly ScheduledOn,
    IReadOnlyList<Guid> Agenda,
    string? Location,
    bool IsSample,
    DateOnly? HeldOn = null,
    IReadOnlyList<string>? Attendees = null,
    IReadOnlyList<string>? Guests = null,
    int MembersInOffice = 0,
    int QuorumRequired = 0,
    bool QuorumReached = false,
    IReadOnlyList<Review>? Reviews = null,
    IReadOnlyList<CommitteeDecision>? Decisions = null)
{
    public bool Held => HeldOn is not null;
}

public enum ActionItemStatus
{
    Open,
    Completed,
    Dropped,
}

public sealed record ActionItem(
    Guid Id,
    string Text,
    string? PersonId,
    string? PersonName,
    Guid? WorkstreamId,
    DateOnly DueDate,
    Guid? MeetingId,
    DateOnly AssignedOn,
    ActionItemStatus Status = ActionItemStatus.Open,
    string? LastNote = null,
    DateOnly? ClosedOn = null,
    string? ClosedReason = null)
{
    public bool IsOpen => Status == ActionItemStatus.Open;

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;
}

/// <summary>
/// A steering committee as its own stream tells it: the write model its commands decide on, kept inline as a
/// snapshot. It keeps relieved members, so who held which seat on any day can be answered from it.
/// </summary>
public sealed record Committee(
    Guid Id,
    Guid AgreementId,
    string? PartyId,
    LocalizedText Name,
    LocalizedText Mandate,
    QuorumRule Quorum,
    PartialDate? EstablishedOn,
    bool IsSample,
    IReadOnlyList<Principal> Principals,
    IReadOnlyList<OpenSeat> SeatsToBeAppointed,
    IReadOnlyList<Membership> Members,
    IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<ActionItem> ActionItems)
{
    public long Version { get; set; }

    public bool IsJoint => PartyId is null;

    public IEnumerable<Membership> InOfficeOn(DateOnly date) => Members.Where(m => m.InOfficeOn(date));

    /// <summary>Distinct people holding at least one seat on <paramref name="date"/>: the base of the quorum.</summary>
    public IReadOnlyList<string> PeopleInOfficeOn(DateOnly date) => [.. InOfficeOn(date).Select(m => m.PersonId).Distinct()];

    public Membership? ChairOn(DateOnly date) => InOfficeOn(date).FirstOrDefault(m => m.Role == CommitteeRole.Chair);

    public Meeting? FindMeeting(Guid id) => Meetings.FirstOrDefault(m => m.Id == id);

    public ActionItem? FindActionItem(Guid id) => ActionItems.FirstOrDefault(a => a.Id == id);

    public string? NameOf(string personId) =>
        Members.LastOrDefault(m => m.PersonId == personId)?.Name ?? Principals.FirstOrDefault(p => p.PersonId == personId)?.Name;

    public static Committee? Fold(Committee? state, IEvent e) => (state, e.Data) switch
    {
        (_, CommitteeEstablished c) => new Committee(c.CommitteeId, c.AgreementId, c.PartyId, c.Name, c.Mandate, c.Quorum,
            c.EstablishedOn, c.IsSample, c.Principals, c.SeatsToBeAppointed, [], [], []),
        (null, _) => null,
        (_, MemberAppointed a) => state with
        {
            Members = [.. state.Members, new Membership(a.PersonId, a.Name, a.Role, a.PartyId, a.WorkstreamId, a.EffectiveOn)],
        },
        (_, MemberRelieved r) => state with
        {
            Members = [.. state.Members.Select(m => m.Open && m.PersonId == r.PersonId && m.SameSeat(r.Role, r.WorkstreamId)
                ? m with { To = r.EffectiveOn, RelievedReason = r.Reason }
                : m)],
        },
        (_, MeetingScheduled s) => state with
        {
            Meetings = [.. state.Meetings, new Meeting(s.MeetingId, s.ScheduledOn, s.Agenda, s.Location, s.IsSample, Reviews: [], Decisions: [])],
        },
        (_, MeetingHeld h) => state.WithMeeting(h.MeetingId, m => m with
        {
            HeldOn = h.HeldOn, Attendees = h.Attendees, Guests = h.Guests, MembersInOffice = h.MembersInOffice,
            QuorumRequired = h.QuorumRequired, QuorumReached = h.QuorumReached,
        }),
        (_, WorkstreamReviewed r) => state.WithMeeting(r.MeetingId, m => m with
        {
            Reviews = [.. m.Reviews ?? [], new Review(r.WorkstreamId, r.Rating, r.Comments, r.ReviewedOn)],
        }),
        (_, DecisionTaken d) => state.WithMeeting(d.MeetingId, m => m with
        {
            Decisions = [.. m.Decisions ?? [], new CommitteeDecision(d.DecisionId, d.Text, d.WorkstreamsAffected, d.Votes, d.Consensus, d.DecidedOn)],
        }),
        (_, ActionItemAssigned a) => state with
        {
            ActionItems = [.. state.ActionItems, new ActionItem(a.ActionItemId, a.Text, a.PersonId, a.PersonName, a.WorkstreamId, a.DueDate, a.MeetingId, a.AssignedOn)],
        },
        (_, ActionItemUpdated u) => state.WithActionItem(u.ActionItemId, a => a with { LastNote = u.Note, DueDate = u.NewDueDate ?? a.DueDate }),
        (_, ActionItemCompleted c) => state.WithActionItem(c.ActionItemId, a => a with
        {
            Status = ActionItemStatus.Completed, ClosedOn = c.CompletedOn, ClosedReason = c.Note, LastNote = c.Note ?? a.LastNote,
        }),
        (_, ActionItemDropped d) => state.WithActionItem(d.ActionItemId, a => a with
        {
            Status = ActionItemStatus.Dropped, ClosedOn = d.DroppedOn, ClosedReason = d.Reason,
        }),
        _ => state,
    };

    /// <summary>The committee as its events tell it on <paramref name="date"/>, judged on each event's own effective day.</summary>
    public static Committee? AsOf(IEnumerable<IEvent> events, DateOnly date) =>
        events.Where(e => CommitteeEvents.EffectiveOn(e.Data, e.Timestamp) <= date)
            .Aggregate((Committee?)null, Fold);

    private Committee WithMeeting(Guid id, Func<Meeting, Meeting> change) =>
        this with { Meetings = [.. Meetings.Select(m => m.Id == id ? change(m) : m)] };

    private Committee WithActionItem(Guid id, Func<ActionItem, ActionItem> change) =>
        this with { ActionItems = [.. ActionItems.Select(a => a.Id == id ? change(a) : a)] };
}
