using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.Members;
using ProgramTracker.Api.Common;

namespace ProgramTracker.UnitTests.Committees;

public class when_members_are_appointed_and_relieved
{
    private static AppointMember Appoint(string personId, CommitteeRole role, string party = "vn-moha", DateOnly? on = null, Guid? workstreamId = null) =>
        new(personId, $"Name of {personId}", role, party, on ?? new DateOnly(2024, 2, 1), workstreamId);

    private static Refusal Refused(Decision decision) => decision.Refusal.ShouldNotBeNull();

    [Fact]
    public void an_appointment_names_the_role_party_and_date()
    {
        var appointed = AppointMember.Decide(Appoint("anna", CommitteeRole.Chair), GivenCommittee.Committee(), GivenCommittee.Agreement())
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MemberAppointed>();

        appointed.Role.ShouldBe(CommitteeRole.Chair);
        appointed.PartyId.ShouldBe("vn-moha");
        appointed.CommitteeId.ShouldBe(GivenCommittee.CommitteeId);
        appointed.EffectiveOn.ShouldBe(new DateOnly(2024, 2, 1));
    }

    [Fact]
    public void appointing_an_active_member_again_in_the_same_role_is_a_conflict()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.Appointed("anna", CommitteeRole.Secretary));

        var refusal = Refused(AppointMember.Decide(Appoint("anna", CommitteeRole.Secretary), committee, GivenCommittee.Agreement()));
        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Rule.ShouldBe("already-member");
        refusal.Field.ShouldBe("personId");
    }

    [Fact]
    public void reappointing_before_the_seat_was_vacated_is_a_conflict()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.Appointed("anna", CommitteeRole.Secretary),
            GivenCommittee.Relieved("anna", new DateOnly(2024, 6, 1), CommitteeRole.Secretary));

        Refused(AppointMember.Decide(Appoint("anna", CommitteeRole.Secretary, on: new DateOnly(2024, 5, 1)), committee, GivenCommittee.Agreement()))
            .Rule.ShouldBe("already-member");
    }

    [Fact]
    public void the_same_person_may_hold_another_role_and_be_reappointed_after_being_relieved()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.Appointed("anna", CommitteeRole.Secretary),
            GivenCommittee.Relieved("anna", new DateOnly(2024, 3, 1), CommitteeRole.Secretary));

        AppointMember.Decide(Appoint("anna", CommitteeRole.Secretary, on: new DateOnly(2024, 4, 1)), committee, GivenCommittee.Agreement()).Accepted.ShouldBeTrue();
        AppointMember.Decide(Appoint("anna", CommitteeRole.Member), GivenCommittee.Committee(GivenCommittee.Appointed("anna", CommitteeRole.Secretary)),
            GivenCommittee.Agreement()).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void a_second_chair_is_a_conflict_until_the_first_is_relieved()
    {
        var chaired = GivenCommittee.Committee(GivenCommittee.Appointed("anna", CommitteeRole.Chair));
        var refusal = Refused(AppointMember.Decide(Appoint("binh", CommitteeRole.Chair), chaired, GivenCommittee.Agreement()));
        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Rule.ShouldBe("second-chair");

        var handedOver = GivenCommittee.Committee(GivenCommittee.Appointed("anna", CommitteeRole.Chair),
            GivenCommittee.Relieved("anna", new DateOnly(2024, 6, 1), CommitteeRole.Chair));
        AppointMember.Decide(Appoint("binh", CommitteeRole.Chair, on: new DateOnly(2024, 6, 1)), handedOver, GivenCommittee.Agreement()).Accepted.ShouldBeTrue();
        Refused(AppointMember.Decide(Appoint("binh", CommitteeRole.Chair, on: new DateOnly(2024, 5, 1)), handedOver, GivenCommittee.Agreement()))
            .Rule.ShouldBe("second-chair");
    }

    [Fact]
    public void an_appointment_before_the_committee_existed_is_refused()
    {
        var refusal = Refused(AppointMember.Decide(Appoint("anna", CommitteeRole.Member, on: new DateOnly(2024, 1, 9)), GivenCommittee.Committee(), GivenCommittee.Agreement()));
        refusal.Kind.ShouldBe(RefusalKind.Invalid);
        refusal.Field.ShouldBe("effectiveOn");
        refusal.Rule.ShouldBe("before-established");
    }

    [Fact]
    public void the_party_must_be_a_party_of_the_agreement_and_of_a_one_sided_committee()
    {
        Refused(AppointMember.Decide(Appoint("anna", CommitteeRole.Member, party: "th-mdes"), GivenCommittee.Committee(), GivenCommittee.Agreement()))
            .Rule.ShouldBe("party-unknown");

        var laoSide = Given.Stamped([GivenCommittee.Established(partyId: "la-moha")]).Aggregate((Committee?)null, Committee.Fold)!;
        var refusal = Refused(AppointMember.Decide(Appoint("anna", CommitteeRole.Member, party: "vn-moha"), laoSide, GivenCommittee.Agreement()));
        refusal.Field.ShouldBe("partyId");
        refusal.Rule.ShouldBe("party-other-side");
    }

    [Fact]
    public void a_focal_point_must_be_for_a_workstream_of_the_agreement()
    {
        AppointMember.Decide(Appoint("anna", CommitteeRole.FocalPoint, workstreamId: Given.WorkstreamId), GivenCommittee.Committee(), GivenCommittee.Agreement())
            .Events.ShouldHaveSingleItem().ShouldBeOfType<MemberAppointed>().WorkstreamId.ShouldBe(Given.WorkstreamId);

        var refusal = Refused(AppointMember.Decide(Appoint("anna", CommitteeRole.FocalPoint, workstreamId: GivenCommittee.OtherWorkstreamId),
            GivenCommittee.Committee(), GivenCommittee.Agreement()));
        refusal.Field.ShouldBe("workstreamId");
        refusal.Rule.ShouldBe("workstream-other-agreement");

        AppointMemberEndpoint.Validate(Appoint("anna", CommitteeRole.FocalPoint)).Status.ShouldBe(400);
    }

    [Fact]
    public void relieving_someone_who_never_sat_on_the_committee_is_not_found()
    {
        var refusal = Refused(RelieveMember.Decide(new RelieveMember(new DateOnly(2024, 5, 1), "Left"), GivenCommittee.Committee(), "nobody"));
        refusal.Kind.ShouldBe(RefusalKind.NotFound);
        refusal.Rule.ShouldBe("not-a-member");
    }

    [Fact]
    public void relieving_someone_already_relieved_is_a_conflict()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.Appointed("anna"), GivenCommittee.Relieved("anna", new DateOnly(2024, 3, 1)));
        var refusal = Refused(RelieveMember.Decide(new RelieveMember(new DateOnly(2024, 5, 1), "Left"), committee, "anna"));
        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Rule.ShouldBe("already-relieved");
    }

    [Fact]
    public void relieving_before_the_appointment_is_refused()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.Appointed("anna", on: new DateOnly(2024, 4, 1)));
        Refused(RelieveMember.Decide(new RelieveMember(new DateOnly(2024, 3, 1), "Left"), committee, "anna")).Field.ShouldBe("effectiveOn");
    }

    [Fact]
    public void relieving_without_a_role_relieves_every_seat_and_history_answers_who_was_chair_on_a_date()
    {
        var committee = GivenCommittee.Committee(GivenCommittee.Appointed("anna", CommitteeRole.Chair), GivenCommittee.Appointed("anna", CommitteeRole.Member));
        var relieved = RelieveMember.Decide(new RelieveMember(new DateOnly(2024, 6, 1), "Retired"), committee, "anna").Events;
        relieved.Count.ShouldBe(2);

        var after = GivenCommittee.Committee([GivenCommittee.Appointed("anna", CommitteeRole.Chair), GivenCommittee.Appointed("anna", CommitteeRole.Member),
            .. relieved, GivenCommittee.Appointed("binh", CommitteeRole.Chair, on: new DateOnly(2024, 6, 1))]);
        after.ChairOn(new DateOnly(2024, 3, 1)).ShouldNotBeNull().PersonId.ShouldBe("anna");
        after.ChairOn(new DateOnly(2024, 6, 1)).ShouldNotBeNull().PersonId.ShouldBe("binh");
        after.Members.Count(m => !m.Open).ShouldBe(2);
    }

    [Fact]
    public void the_committee_as_of_a_date_keeps_only_what_had_taken_effect()
    {
        var events = GivenCommittee.Stamped(GivenCommittee.Appointed("anna", CommitteeRole.Chair),
            GivenCommittee.Relieved("anna", new DateOnly(2024, 6, 1), CommitteeRole.Chair),
            GivenCommittee.Appointed("binh", CommitteeRole.Chair, on: new DateOnly(2024, 6, 1))).ToList();

        var march = Committee.AsOf(events, new DateOnly(2024, 3, 1)).ShouldNotBeNull();
        march.Members.ShouldHaveSingleItem().Open.ShouldBeTrue();
        Committee.AsOf(events, new DateOnly(2023, 12, 31)).ShouldBeNull();
    }
}
