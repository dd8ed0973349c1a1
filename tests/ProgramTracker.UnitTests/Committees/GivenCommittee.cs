using JasperFx.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;

namespace ProgramTracker.UnitTests.Committees;

/// <summary>Committee state built the way the event store builds it: by folding its events.</summary>
public static class GivenCommittee
{
    public static readonly Guid CommitteeId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000c1");
    public static readonly Guid MeetingId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000d1");
    public static readonly Guid OtherWorkstreamId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000f9");
    public static readonly DateOnly EstablishedOn = new(2024, 1, 10);
    public static readonly DateOnly Today = new(2024, 9, 30);

    /// <summary>The Home Affairs agreement with one workstream, the one <see cref="Given.WorkstreamId"/> names.</summary>
    public static Agreement Agreement() => Given.Agreement(new WorkstreamAdded(Given.AgreementId, Given.WorkstreamId, "TRAIN"));

    public static Committee Committee(params object[] events) =>
        Given.Stamped([Established(), .. events]).Aggregate((Committee?)null, Api.Committees.Committee.Fold)!;

    public static CommitteeEstablished Established(QuorumRule? quorum = null, string? partyId = null) => new(
        CommitteeId, Given.AgreementId, partyId,
        new LocalizedText(En: "Joint steering committee", Vi: "Ban chỉ đạo chung"),
        new LocalizedText(En: "Steers the MoU's workstreams"),
        quorum ?? QuorumRule.Majority, PartialDate.Of(EstablishedOn), [], [], false);

    public static MemberAppointed Appointed(string personId, CommitteeRole role = CommitteeRole.Member, string partyId = "vn-moha",
        DateOnly? on = null, Guid? workstreamId = null) =>
        new(CommitteeId, Given.AgreementId, personId, $"Name of {personId}", role, partyId, workstreamId, on ?? EstablishedOn);

    public static MemberRelieved Relieved(string personId, DateOnly on, CommitteeRole role = CommitteeRole.Member) =>
        new(CommitteeId, Given.AgreementId, personId, role, null, on, "Moved to another post");

    public static MeetingScheduled Scheduled(DateOnly on, Guid? meetingId = null) =>
        new(CommitteeId, Given.AgreementId, meetingId ?? MeetingId, on, [Given.WorkstreamId], "Vientiane", false);

    public static MeetingHeld Held(DateOnly on, bool quorum, params string[] attendees) =>
        new(CommitteeId, Given.AgreementId, MeetingId, on, attendees, [], 3, 2, quorum);

    public static ActionItemAssigned ActionAssigned(Guid id, DateOnly due, string? personId = "anna", Guid? workstreamId = null) =>
        new(CommitteeId, Given.AgreementId, id, "Send the 2025 delegation list", personId, personId is null ? null : $"Name of {personId}",
            workstreamId, due, null, new DateOnly(2024, 3, 1));

    public static IEnumerable<IEvent> Stamped(params object[] events) => Given.Stamped([Established(), .. events]);
}
