using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;

namespace ProgramTracker.UnitTests.Committees;

public class when_a_committee_is_established
{
    private static EstablishCommittee Command(string? partyId = null, PartialDate? on = null, IReadOnlyList<Principal>? principals = null) =>
        new(new LocalizedText(En: "Joint steering committee", Lo: "ຄະນະຊີ້ນຳຮ່ວມ"), new LocalizedText(En: "Steers the MoU"),
            on ?? new PartialDate(2023, 7, 1), partyId, new QuorumRule(QuorumKind.Fixed, 3), principals);

    [Fact]
    public void a_joint_committee_is_established_for_the_agreement()
    {
        var established = EstablishCommittee.Decide(Command(), GivenCommittee.Agreement(), GivenCommittee.CommitteeId)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<CommitteeEstablished>();

        established.AgreementId.ShouldBe(Given.AgreementId);
        established.PartyId.ShouldBeNull();
        established.Quorum.ShouldBe(new QuorumRule(QuorumKind.Fixed, 3));
        established.Name.Lo.ShouldBe("ຄະນະຊີ້ນຳຮ່ວມ");
    }

    [Fact]
    public void a_committee_for_one_side_must_name_a_party_of_the_agreement()
    {
        EstablishCommittee.Decide(Command(partyId: "la-moha"), GivenCommittee.Agreement(), GivenCommittee.CommitteeId).Accepted.ShouldBeTrue();

        var refusal = EstablishCommittee.Decide(Command(partyId: "th-mdes"), GivenCommittee.Agreement(), GivenCommittee.CommitteeId).Refusal.ShouldNotBeNull();
        refusal.Field.ShouldBe("partyId");
        refusal.Rule.ShouldBe("party-unknown");
    }

    [Fact]
    public void a_principal_from_outside_the_agreement_is_refused()
    {
        var refusal = EstablishCommittee.Decide(Command(principals: [new Principal("x", "X", "th-mdes")]), GivenCommittee.Agreement(), GivenCommittee.CommitteeId)
            .Refusal.ShouldNotBeNull();
        refusal.Field.ShouldBe("principals[0].partyId");
    }

    [Fact]
    public void a_committee_cannot_be_established_before_the_agreement_was_signed()
    {
        var refusal = EstablishCommittee.Decide(Command(on: new PartialDate(2023, 4)), GivenCommittee.Agreement(), GivenCommittee.CommitteeId)
            .Refusal.ShouldNotBeNull();
        refusal.Field.ShouldBe("establishedOn");
        refusal.Rule.ShouldBe("before-signing");
    }

    [Fact]
    public void the_quorum_is_a_majority_of_members_in_office_or_a_fixed_number()
    {
        QuorumRule.Majority.Required(5).ShouldBe(3);
        QuorumRule.Majority.Required(4).ShouldBe(3);
        QuorumRule.Majority.Required(0).ShouldBe(1);
        new QuorumRule(QuorumKind.Fixed, 2).Required(10).ShouldBe(2);
    }

    [Fact]
    public void a_quorum_is_reached_with_someone_present_and_at_least_as_many_as_the_rule_needs()
    {
        QuorumRule.IsReached(2, 2).ShouldBeTrue();
        QuorumRule.IsReached(3, 2).ShouldBeTrue();
        QuorumRule.IsReached(1, 2).ShouldBeFalse();
        QuorumRule.IsReached(0, 0).ShouldBeFalse();
    }

    [Fact]
    public void a_fixed_quorum_needs_a_count()
    {
        var problem = EstablishCommitteeEndpoint.Validate(Command() with { Quorum = new QuorumRule(QuorumKind.Fixed) });
        problem.Status.ShouldBe(400);
        problem.ShouldBeOfType<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>().Errors.Keys.ShouldContain("quorum.count");
    }
}
