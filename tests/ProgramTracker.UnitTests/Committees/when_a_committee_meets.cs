using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.Meetings;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests.Committees;

public class when_a_committee_meets
{
    private static readonly DateOnly MeetingDay = new(2024, 6, 14);

    /// <summary>Three members in office on the meeting day, one relieved before it.</summary>
    private static object[] ThreeMembers =>
    [
        GivenCommittee.Appointed("anna", CommitteeRole.Chair),
        GivenCommittee.Appointed("binh"),
        GivenCommittee.Appointed("chanthone", partyId: "la-moha"),
        GivenCommittee.Appointed("dao"),
        GivenCommittee.Relieved("dao", new DateOnly(2024, 5, 1)),
        GivenCommittee.Scheduled(MeetingDay),
    ];

    [Fact]
    public void a_meeting_entered_after_the_fact_counts_from_its_own_day_and_one_scheduled_ahead_from_when_it_was_scheduled()
    {
        var recorded = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        CommitteeEvents.EffectiveOn(GivenCommittee.Scheduled(new DateOnly(2024, 2, 1)), recorded).ShouldBe(new DateOnly(2024, 2, 1));
        CommitteeEvents.EffectiveOn(GivenCommittee.Scheduled(new DateOnly(2024, 6, 1)), recorded).ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void scheduling_before_the_committee_existed_is_refused()
    {
        var refusal = ScheduleMeeting.Decide(new ScheduleMeeting(new DateOnly(2023, 12, 1)), GivenCommittee.Committee(), GivenCommittee.Agreement(), GivenCommittee.MeetingId)
            .Refusal.ShouldNotBeNull();
        refusal.Field.ShouldBe("scheduledOn");
        refusal.Rule.ShouldBe("before-established");
    }

    [Fact]
    public void the_agenda_lists_workstreams_of_the_agreement_only()
    {
        ScheduleMeeting.Decide(new ScheduleMeeting(MeetingDay, [Given.WorkstreamId]), GivenCommittee.Committee(), GivenCommittee.Agreement(), GivenCommittee.MeetingId)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MeetingScheduled>().Agenda.ShouldBe([Given.WorkstreamId]);

        ScheduleMeeting.Decide(new ScheduleMeeting(MeetingDay, [Given.WorkstreamId, GivenCommittee.OtherWorkstreamId]), GivenCommittee.Committee(),
            GivenCommittee.Agreement(), GivenCommittee.MeetingId).Refusal.ShouldNotBeNull().Field.ShouldBe("agenda[1]");
    }

    [Fact]
    public void a_majority_of_the_members_in_office_on_the_day_makes_the_quorum()
    {
        var held = HoldMeeting.Decide(new HoldMeeting(["anna", "chanthone"]), GivenCommittee.Committee(ThreeMembers), GivenCommittee.MeetingId, GivenCommittee.Today)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MeetingHeld>();

        held.HeldOn.ShouldBe(MeetingDay);
        held.MembersInOffice.ShouldBe(3);
        held.QuorumRequired.ShouldBe(2);
        held.QuorumReached.ShouldBeTrue();
    }

    [Fact]
    public void one_of_three_members_is_no_quorum()
    {
        HoldMeeting.Decide(new HoldMeeting(["anna"]), GivenCommittee.Committee(ThreeMembers), GivenCommittee.MeetingId, GivenCommittee.Today)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MeetingHeld>().QuorumReached.ShouldBeFalse();
    }

    [Fact]
    public void a_fixed_quorum_counts_attendees_against_the_fixed_number()
    {
        var committee = Given.Stamped([GivenCommittee.Established(new QuorumRule(QuorumKind.Fixed, 3)), .. ThreeMembers]).Aggregate((Committee?)null, Committee.Fold)!;

        HoldMeeting.Decide(new HoldMeeting(["anna", "binh"]), committee, GivenCommittee.MeetingId, GivenCommittee.Today)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MeetingHeld>().QuorumReached.ShouldBeFalse();
        HoldMeeting.Decide(new HoldMeeting(["anna", "binh", "chanthone"]), committee, GivenCommittee.MeetingId, GivenCommittee.Today)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MeetingHeld>().QuorumReached.ShouldBeTrue();
    }

    [Fact]
    public void an_attendee_not_in_office_on_the_day_is_refused()
    {
        var refusal = HoldMeeting.Decide(new HoldMeeting(["anna", "dao"]), GivenCommittee.Committee(ThreeMembers), GivenCommittee.MeetingId, GivenCommittee.Today)
            .Refusal.ShouldNotBeNull();
        refusal.Field.ShouldBe("attendees[1]");
        refusal.Rule.ShouldBe("not-a-member");
    }

    [Fact]
    public void a_meeting_cannot_be_held_in_the_future_or_twice()
    {
        HoldMeeting.Decide(new HoldMeeting(["anna"]), GivenCommittee.Committee(ThreeMembers), GivenCommittee.MeetingId, MeetingDay.AddDays(-1))
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("future-date");

        var held = GivenCommittee.Committee([.. ThreeMembers, GivenCommittee.Held(MeetingDay, true, "anna", "binh")]);
        HoldMeeting.Decide(new HoldMeeting(["anna"]), held, GivenCommittee.MeetingId, GivenCommittee.Today)
            .Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.Conflict);
    }

    [Fact]
    public void a_review_also_goes_on_the_workstream_status_history()
    {
        var committee = GivenCommittee.Committee([.. ThreeMembers, GivenCommittee.Held(MeetingDay, true, "anna", "binh")]);

        var decision = ReviewWorkstream.Decide(new ReviewWorkstream(Given.WorkstreamId, Rag.Amber, "Delegation delayed to Q4"), committee,
            GivenCommittee.Agreement(), GivenCommittee.MeetingId);

        decision.Events.ShouldHaveSingleItem().ShouldBeOfType<WorkstreamReviewed>().Rating.ShouldBe(Rag.Amber);
        var append = decision.Appends.ShouldHaveSingleItem();
        append.StreamId.ShouldBe(Given.WorkstreamId);
        var assessed = append.Events.ShouldHaveSingleItem().ShouldBeOfType<StatusAssessed>();
        assessed.CommitteeId.ShouldBe(GivenCommittee.CommitteeId);
        assessed.MeetingId.ShouldBe(GivenCommittee.MeetingId);
        assessed.AssessedOn.ShouldBe(MeetingDay);
        Given.Workstream(assessed).CurrentRag.ShouldBe(Rag.Amber);
    }

    [Fact]
    public void a_review_needs_a_held_meeting_and_a_workstream_of_the_agreement()
    {
        ReviewWorkstream.Decide(new ReviewWorkstream(Given.WorkstreamId, Rag.Green, "ok"), GivenCommittee.Committee(ThreeMembers), GivenCommittee.Agreement(), GivenCommittee.MeetingId)
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("meeting-not-held");

        var held = GivenCommittee.Committee([.. ThreeMembers, GivenCommittee.Held(MeetingDay, true, "anna", "binh")]);
        var decision = ReviewWorkstream.Decide(new ReviewWorkstream(GivenCommittee.OtherWorkstreamId, Rag.Green, "ok"), held, GivenCommittee.Agreement(), GivenCommittee.MeetingId);
        decision.Refusal.ShouldNotBeNull().Rule.ShouldBe("workstream-other-agreement");
        decision.Appends.ShouldBeEmpty();

        ReviewWorkstream.Decide(new ReviewWorkstream(Guid.NewGuid(), Rag.Green, "ok"), held, GivenCommittee.Agreement(), Guid.NewGuid())
            .Refusal.ShouldNotBeNull().Kind.ShouldBe(RefusalKind.NotFound);
    }

    [Fact]
    public void a_decision_without_quorum_is_refused()
    {
        var committee = GivenCommittee.Committee([.. ThreeMembers, GivenCommittee.Held(MeetingDay, false, "anna")]);

        var refusal = TakeDecision.Decide(new TakeDecision("Extend the training programme", Consensus: true), committee, GivenCommittee.Agreement(),
            GivenCommittee.MeetingId, Guid.NewGuid()).Refusal.ShouldNotBeNull();

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Field.ShouldBe("quorum");
        refusal.Rule.ShouldBe("no-quorum");
    }

    [Fact]
    public void a_decision_with_quorum_records_the_votes_and_the_workstreams_affected()
    {
        var committee = GivenCommittee.Committee([.. ThreeMembers, GivenCommittee.Held(MeetingDay, true, "anna", "binh")]);
        var decisionId = Guid.NewGuid();

        var taken = TakeDecision.Decide(new TakeDecision("Extend the training programme", [Given.WorkstreamId], new Votes(2, 0, 0)), committee,
            GivenCommittee.Agreement(), GivenCommittee.MeetingId, decisionId).Events.ShouldHaveSingleItem().ShouldBeOfType<DecisionTaken>();

        taken.DecisionId.ShouldBe(decisionId);
        taken.DecidedOn.ShouldBe(MeetingDay);
        taken.Votes.ShouldBe(new Votes(2, 0, 0));
        taken.WorkstreamsAffected.ShouldBe([Given.WorkstreamId]);
    }

    [Fact]
    public void more_votes_than_attendees_or_a_workstream_of_another_agreement_is_refused()
    {
        var committee = GivenCommittee.Committee([.. ThreeMembers, GivenCommittee.Held(MeetingDay, true, "anna", "binh")]);

        TakeDecision.Decide(new TakeDecision("x", Votes: new Votes(2, 1, 0)), committee, GivenCommittee.Agreement(), GivenCommittee.MeetingId, Guid.NewGuid())
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("votes-exceed-attendees");
        TakeDecision.Decide(new TakeDecision("x", [GivenCommittee.OtherWorkstreamId], Consensus: true), committee, GivenCommittee.Agreement(), GivenCommittee.MeetingId, Guid.NewGuid())
            .Refusal.ShouldNotBeNull().Field.ShouldBe("workstreamsAffected[0]");
    }

    [Fact]
    public void a_decision_notes_either_votes_or_consensus()
    {
        TakeDecisionEndpoint.Validate(new TakeDecision("x")).Status.ShouldBe(400);
        TakeDecisionEndpoint.Validate(new TakeDecision("x", Votes: new Votes(1, 0, 0), Consensus: true)).Status.ShouldBe(400);
        TakeDecisionEndpoint.Validate(new TakeDecision("x", Consensus: true)).Status.ShouldNotBe(400);
    }
}
