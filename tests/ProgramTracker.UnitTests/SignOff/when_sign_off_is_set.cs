using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;
using ProgramTracker.UnitTests.Workstreams;

namespace ProgramTracker.UnitTests.SignOff;

public class when_sign_off_is_set
{
    [Fact]
    public void requiring_sign_off_names_the_reviewers()
    {
        var required = SetSignOff.Decide(new SetSignOff(true, "The committee asked for it", [" focal-point ", "focal-point", "signatory-la"]),
            Given.Agreement()).ShouldDecide<SignOffRequired>();
        required.Reviewers.ShouldBe(["focal-point", "signatory-la"]);
        var agreement = Given.Agreement(required);
        agreement.RequiresSignOff.ShouldBeTrue();
        agreement.Reviewers.ShouldBe(["focal-point", "signatory-la"]);
    }

    [Fact]
    public void the_same_setting_twice_is_no_change()
    {
        var agreement = Given.Agreement(new SignOffRequired(Given.AgreementId, ["focal-point"], "Asked"));
        SetSignOff.Decide(new SetSignOff(true, "Again", ["focal-point"]), agreement).ShouldRefuse(RefusalKind.Conflict, "required", "no-change");
        SetSignOff.Decide(new SetSignOff(false, "Not needed"), Given.Agreement()).ShouldRefuse(RefusalKind.Conflict, "required", "no-change");
    }

    [Fact]
    public void sign_off_is_lifted_and_reviewers_go_with_it()
    {
        var lifted = SetSignOff.Decide(new SetSignOff(false, "The pilot ended"), SignedOff.Agreement()).ShouldDecide<SignOffNoLongerRequired>();
        var agreement = Given.Agreement(new SignOffRequired(Given.AgreementId, ["focal-point"], "Asked"), lifted);
        agreement.RequiresSignOff.ShouldBeFalse();
        agreement.Reviewers.ShouldBeEmpty();
        SetSignOffEndpoint.Validate(new SetSignOff(true, "")).ShouldName("reason", "required");
        SetSignOffEndpoint.Validate(new SetSignOff(true, "Why", [""])).ShouldName("reviewers", "person-id");
    }
}
