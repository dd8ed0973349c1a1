using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;

namespace ProgramTracker.UnitTests;

public class when_an_agreement_changes_over_its_life
{
    private static readonly DateOnly Today = new(2024, 6, 30);

    private static Agreement InStatus(AgreementStatus status) => Given.Agreement() with { Status = status };

    [Theory]
    [InlineData(AgreementStatus.Draft, AgreementStatus.Signed)]
    [InlineData(AgreementStatus.Draft, AgreementStatus.InForce)]
    [InlineData(AgreementStatus.Signed, AgreementStatus.InForce)]
    [InlineData(AgreementStatus.InForce, AgreementStatus.Expired)]
    [InlineData(AgreementStatus.InForce, AgreementStatus.Closed)]
    [InlineData(AgreementStatus.Expired, AgreementStatus.InForce)]
    [InlineData(AgreementStatus.Expired, AgreementStatus.Closed)]
    public void a_forward_change_is_recorded_with_its_reason(AgreementStatus from, AgreementStatus to)
    {
        var decision = ChangeAgreementStatus.Decide(new ChangeAgreementStatus(to, " Ratified by both governments "), InStatus(from), Today);

        var changed = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<AgreementStatusChanged>();
        changed.From.ShouldBe(from);
        changed.To.ShouldBe(to);
        changed.Reason.ShouldBe("Ratified by both governments");
        changed.EffectiveOn.ShouldBe(PartialDate.Of(Today));
        Given.Agreement(changed).Status.ShouldBe(to);
    }

    [Theory]
    [InlineData(AgreementStatus.InForce, AgreementStatus.Draft)]
    [InlineData(AgreementStatus.InForce, AgreementStatus.Signed)]
    [InlineData(AgreementStatus.Signed, AgreementStatus.Draft)]
    [InlineData(AgreementStatus.Expired, AgreementStatus.Signed)]
    public void going_back_in_the_life_cycle_is_refused(AgreementStatus from, AgreementStatus to)
    {
        var refusal = ChangeAgreementStatus.Decide(new ChangeAgreementStatus(to, "typo"), InStatus(from), Today).Refusal.ShouldNotBeNull();

        refusal.Kind.ShouldBe(RefusalKind.Conflict);
        refusal.Field.ShouldBe("status");
        refusal.Rule.ShouldBe("transition-not-allowed");
    }

    [Fact]
    public void nothing_leaves_closed()
    {
        var closed = Given.Agreement(new AgreementStatusChanged(Given.AgreementId, AgreementStatus.InForce, AgreementStatus.Closed, null, "Ended"));

        ChangeAgreementStatus.Decide(new ChangeAgreementStatus(AgreementStatus.InForce, "Reopen"), closed, Today)
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("agreement-closed");
    }

    [Fact]
    public void the_same_status_again_is_refused()
    {
        ChangeAgreementStatus.Decide(new ChangeAgreementStatus(AgreementStatus.InForce, "again"), Given.Agreement(), Today)
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("no-change");
    }

    [Fact]
    public void a_status_change_cannot_take_effect_in_the_future()
    {
        var refusal = ChangeAgreementStatus.Decide(
                new ChangeAgreementStatus(AgreementStatus.Expired, "Term over", PartialDate.Of(Today.AddDays(1))), Given.Agreement(), Today)
            .Refusal.ShouldNotBeNull();

        refusal.Field.ShouldBe("effectiveOn");
        refusal.Rule.ShouldBe("future-date");
    }

    [Fact]
    public void a_status_change_keeps_the_precision_of_its_effective_date()
    {
        var changed = ChangeAgreementStatus.Decide(new ChangeAgreementStatus(AgreementStatus.Expired, "Term over", new PartialDate(2024, 5)),
            Given.Agreement(), Today).Events.ShouldHaveSingleItem().ShouldBeOfType<AgreementStatusChanged>();

        changed.EffectiveOn.ShouldBe(new PartialDate(2024, 5));
    }

    [Fact]
    public void an_amendment_is_kept_with_the_agreement()
    {
        var amended = AmendAgreement.Decide(new AmendAgreement("Adds a workstream on archives", "Agreed at the 2024 review", new PartialDate(2024, 3),
            "Minutes 2024-03"), Given.Agreement()).Events.ShouldHaveSingleItem().ShouldBeOfType<AgreementAmended>();

        var amendment = Given.Agreement(amended).Amendments.ShouldHaveSingleItem();
        amendment.Summary.ShouldBe("Adds a workstream on archives");
        amendment.Reason.ShouldBe("Agreed at the 2024 review");
    }

    [Fact]
    public void a_closed_agreement_cannot_be_amended()
    {
        AmendAgreement.Decide(new AmendAgreement("Late change", "why"), InStatus(AgreementStatus.Closed))
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("agreement-closed");
    }

    [Fact]
    public void an_extension_moves_the_end_later_and_remembers_the_old_end()
    {
        var extended = ExtendAgreement.Decide(new ExtendAgreement(new PartialDate(2028), "Renewed for two years"), Given.Agreement())
            .Events.ShouldHaveSingleItem().ShouldBeOfType<AgreementExtended>();

        extended.PreviousEnd.ShouldBe(new PartialDate(2026, 12, 31));
        Given.Agreement(extended).Validity.To.ShouldBe(new PartialDate(2028));
    }

    [Theory]
    [InlineData(2026, 12, 31)]
    [InlineData(2025, 1, 1)]
    public void an_extension_that_does_not_move_the_end_later_is_refused(int year, int month, int day)
    {
        var refusal = ExtendAgreement.Decide(new ExtendAgreement(new PartialDate(year, month, day), "Renewed"), Given.Agreement())
            .Refusal.ShouldNotBeNull();

        refusal.Kind.ShouldBe(RefusalKind.Invalid);
        refusal.Field.ShouldBe("newEnd");
        refusal.Rule.ShouldBe("must-be-later");
    }

    [Fact]
    public void an_agreement_with_no_end_has_nothing_to_extend()
    {
        var open = Given.Agreement() with { Validity = new ValidityPeriod(new PartialDate(2023)) };

        ExtendAgreement.Decide(new ExtendAgreement(new PartialDate(2030), "Renewed"), open)
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("no-end-to-extend");
    }

    [Fact]
    public void a_closed_agreement_cannot_be_extended()
    {
        ExtendAgreement.Decide(new ExtendAgreement(new PartialDate(2030), "Renewed"), InStatus(AgreementStatus.Closed))
            .Refusal.ShouldNotBeNull().Rule.ShouldBe("agreement-closed");
    }
}
