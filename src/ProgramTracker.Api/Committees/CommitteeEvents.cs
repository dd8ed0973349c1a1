using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Committees;

/// <summary>Every committee event names its committee and agreement, so cross-stream views group without lookups.</summary>
public interface ICommitteeEvent
{
    Guid CommitteeId { get; }
    Guid AgreementId { get; }
}

public enum CommitteeRole
{
    Chair,
    ViceChair,
    Secretary,
    Member,
    FocalPoint,
}

public enum QuorumKind
{
    /// <summary>More than half of the members in office on the meeting date.</summary>
    Majority,
    /// <summary>A fixed number of members in office.</summary>
    Fixed,
}

public sealed record QuorumRule(QuorumKind Kind, int? Count = null)
{
    public static readonly QuorumRule Majority = new(QuorumKind.Majority);

    public int Required(int membersInOffice) => Kind switch
    {
        QuorumKind.Fixed => Count ?? 1,
        _ => membersInOffice / 2 + 1,
    };

    /// <summary>The one test of a quorum: the meeting page shows it while attendance is ticked, and the meeting is recorded by it.</summary>
    public static bool IsReached(int attendees, int required) => attendees > 0 && attendees >= required;

    public override string ToString() => Kind == QuorumKind.Fixed ? $"{Count} members" : "a majority of members in office";
}

/// <summary>Someone who heads the committee by office, such as a signatory of the agreement, without a member seat.</summary>
public sealed record Principal(string PersonId, string Name, string PartyId, string? Title = null);

/// <summary>Seats the source provides for but fills with no one yet: shown as "to be appointed". No count when the source gives none.</summary>
public sealed record OpenSeat(string PartyId, CommitteeRole Role, int? Count = null, string? Note = null);

public sealed record Votes(int For, int Against, int Abstain);

public sealed record CommitteeEstablished(
    Guid CommitteeId,
    Guid AgreementId,
    string? PartyId,
    LocalizedText Name,
    LocalizedText Mandate,
    QuorumRule Quorum,
    PartialDate? EstablishedOn,
    IReadOnlyList<Principal> Principals,
    IReadOnlyList<OpenSeat> SeatsToBeAppointed,
    bool IsSample) : ICommitteeEvent;

public sealed record MemberAppointed(
    Guid CommitteeId,
    Guid AgreementId,
    string PersonId,
    string Name,
    CommitteeRole Role,
    string PartyId,
    Guid? WorkstreamId,
    DateOnly EffectiveOn) : ICommitteeEvent;

public sealed record MemberRelieved(
    Guid CommitteeId,
    Guid AgreementId,
    string PersonId,
    CommitteeRole Role,
    Guid? WorkstreamId,
    DateOnly EffectiveOn,
    string Reason) : ICommitteeEvent;

public sealed record MeetingScheduled(
    Guid CommitteeId,
    Guid AgreementId,
    Guid MeetingId,
    DateOnly ScheduledOn,
    IReadOnlyList<Guid> Agenda,
    string? Location,
    bool IsSample) : ICommitteeEvent;

/// <summary>The quorum is judged when the meeting is recorded as held, on the members in office that day.</summary>
public sealed record MeetingHeld(
    Guid CommitteeId,
    Guid AgreementId,
    Guid MeetingId,
    DateOnly HeldOn,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Guests,
    int MembersInOffice,
    int QuorumRequired,
    bool QuorumReached) : ICommitteeEvent;

/// <summary>A committee's review of a workstream; the same rating is appended to the workstream as <see cref="StatusAssessed"/>.</summary>
public sealed record WorkstreamReviewed(
    Guid CommitteeId,
    Guid AgreementId,
    Guid MeetingId,
    Guid WorkstreamId,
    Rag Rating,
    string Comments,
    DateOnly ReviewedOn) : ICommitteeEvent;

public sealed record DecisionTaken(
    Guid CommitteeId,
    Guid AgreementId,
    Guid MeetingId,
    Guid DecisionId,
    string Text,
    IReadOnlyList<Guid> WorkstreamsAffected,
    Votes? Votes,
    bool Consensus,
    DateOnly DecidedOn) : ICommitteeEvent;

public sealed record ActionItemAssigned(
    Guid CommitteeId,
    Guid AgreementId,
    Guid ActionItemId,
    string Text,
    string? PersonId,
    string? PersonName,
    Guid? WorkstreamId,
    DateOnly DueDate,
    Guid? MeetingId,
    DateOnly AssignedOn) : ICommitteeEvent;

public sealed record ActionItemUpdated(
    Guid CommitteeId,
    Guid AgreementId,
    Guid ActionItemId,
    string? PersonId,
    string Note,
    DateOnly? PreviousDueDate,
    DateOnly? NewDueDate,
    DateOnly UpdatedOn) : ICommitteeEvent;

public sealed record ActionItemCompleted(
    Guid CommitteeId,
    Guid AgreementId,
    Guid ActionItemId,
    string? PersonId,
    DateOnly CompletedOn,
    string? Note) : ICommitteeEvent;

public sealed record ActionItemDropped(
    Guid CommitteeId,
    Guid AgreementId,
    Guid ActionItemId,
    string? PersonId,
    DateOnly DroppedOn,
    string Reason) : ICommitteeEvent;

public static class CommitteeEvents
{
    /// <summary>
    /// The day an event takes effect in the committee's own history, which is often entered after the fact: an
    /// appointment counts from its effective date, not from the day someone typed it in. Views "as of" a date
    /// keep the events whose day is on or before it.
    /// </summary>
    public static DateOnly EffectiveOn(object data, DateTimeOffset recordedAt)
    {
        var recorded = DateOnly.FromDateTime(recordedAt.UtcDateTime);
        return data switch
        {
            // A committee whose founding date the source leaves open is taken as there all along.
            CommitteeEstablished e => e.EstablishedOn?.Earliest ?? DateOnly.MinValue,
            MemberAppointed e => e.EffectiveOn,
            MemberRelieved e => e.EffectiveOn,
            // Known from the day it was scheduled, or from the meeting day when it was entered afterwards.
            MeetingScheduled e => e.ScheduledOn < recorded ? e.ScheduledOn : recorded,
            MeetingHeld e => e.HeldOn,
            WorkstreamReviewed e => e.ReviewedOn,
            DecisionTaken e => e.DecidedOn,
            ActionItemAssigned e => e.AssignedOn,
            ActionItemUpdated e => e.UpdatedOn,
            ActionItemCompleted e => e.CompletedOn,
            ActionItemDropped e => e.DroppedOn,
            _ => recorded,
        };
    }

    /// <summary>The people an event is about, for the per-person assignments view.</summary>
    public static IReadOnlyList<string> People(ICommitteeEvent e) => e switch
    {
        CommitteeEstablished c => [.. c.Principals.Select(p => p.PersonId).Distinct()],
        MemberAppointed a => [a.PersonId],
        MemberRelieved r => [r.PersonId],
        ActionItemAssigned a when a.PersonId is not null => [a.PersonId],
        ActionItemUpdated u when u.PersonId is not null => [u.PersonId],
        ActionItemCompleted c when c.PersonId is not null => [c.PersonId],
        ActionItemDropped d when d.PersonId is not null => [d.PersonId],
        _ => [],
    };
}
