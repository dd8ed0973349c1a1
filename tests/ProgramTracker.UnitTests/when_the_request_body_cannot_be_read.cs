using ProgramTracker.Api.Hosting;

namespace ProgramTracker.UnitTests;

public class when_the_request_body_cannot_be_read
{
    [Fact]
    public void a_null_member_is_named_by_its_json_name()
    {
        var (field, rule, message) = JsonProblems.Describe(
            "The constructor parameter 'Reason' on type 'ProgramTracker.Api.Workstreams.Milestones.BlockMilestone' doesn't allow null values. Path: $.reason | LineNumber: 0 | BytePositionInLine: 14.");

        field.ShouldBe("reason");
        rule.ShouldBe("required");
        message.ShouldNotContain("ProgramTracker");
    }

    [Fact]
    public void a_null_member_of_a_nested_object_keeps_its_path() =>
        JsonProblems.Describe("The constructor parameter 'PartyId' on type 'ProgramTracker.Api.Agreements.Party' doesn't allow null values. Path: $.parties[0].partyId | LineNumber: 0 | BytePositionInLine: 14.")
            .Field.ShouldBe("parties[0].partyId");

    [Fact]
    public void an_unknown_member_is_named() =>
        JsonProblems.Describe("The JSON property 'assessedBy' could not be mapped to any .NET member contained in type 'ProgramTracker.Api.Workstreams.Assessments.AssessStatus'. Path: $ | LineNumber: 0 | BytePositionInLine: 12.")
            .ShouldBe(("assessedBy", "unknown-member", "'assessedBy' is not a field of this request."));
}
