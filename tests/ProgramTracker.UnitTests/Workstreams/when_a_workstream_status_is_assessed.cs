using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Assessments;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_a_workstream_status_is_assessed
{
    private static readonly Actor Officer = new("u-17", "Bounmy Keovongsa");

    private static Decision Assess(AssessStatus command, params object[] history) =>
        AssessStatus.Decide(command, Given.Workstream(history), Given.Agreement(), Officer, Today);

    [Fact]
    public void the_rating_is_recorded_with_its_reason_side_and_assessor()
    {
        var assessed = Assess(new AssessStatus(Rag.Amber, " Training slipped a quarter ", "la-moha", new DateOnly(2024, 6, 1)))
            .ShouldDecide<StatusAssessed>();

        assessed.Rating.ShouldBe(Rag.Amber);
        assessed.Reason.ShouldBe("Training slipped a quarter");
        assessed.PartyId.ShouldBe("la-moha");
        assessed.AssessedBy.ShouldBe("Bounmy Keovongsa");
        assessed.AssessedOn.ShouldBe(new DateOnly(2024, 6, 1));
        assessed.CommitteeId.ShouldBeNull();
    }

    [Fact]
    public void the_latest_rating_is_the_current_one()
    {
        var red = Assess(new AssessStatus(Rag.Red, "Budget frozen"), Assessed(Rag.Green, new DateOnly(2024, 3, 1))).ShouldDecide<StatusAssessed>();

        red.AssessedOn.ShouldBe(Today);
        var workstream = Given.Workstream(Assessed(Rag.Green, new DateOnly(2024, 3, 1)), red);
        workstream.CurrentRag.ShouldBe(Rag.Red);
        workstream.Assessments.Count.ShouldBe(2);
    }

    [Fact]
    public void an_assessment_for_both_sides_names_no_party() =>
        Assess(new AssessStatus(Rag.Green, "On track")).ShouldDecide<StatusAssessed>().PartyId.ShouldBeNull();

    [Fact]
    public void a_party_not_in_the_agreement_is_refused() =>
        Assess(new AssessStatus(Rag.Green, "On track", "th-mof")).ShouldRefuse(RefusalKind.Invalid, "partyId", "party-unknown");

    [Fact]
    public void a_party_cannot_be_checked_without_the_agreement() =>
        AssessStatus.Decide(new AssessStatus(Rag.Green, "On track", "la-moha"), Given.Workstream(), null, Officer, Today)
            .ShouldRefuse(RefusalKind.Invalid, "partyId", "party-unknown");

    [Fact]
    public void an_assessment_in_the_future_is_refused() =>
        Assess(new AssessStatus(Rag.Green, "On track", AssessedOn: Today.AddDays(1))).ShouldRefuse(RefusalKind.Invalid, "assessedOn", "future-date");

    [Fact]
    public void an_assessment_dated_before_the_latest_one_is_refused() =>
        Assess(new AssessStatus(Rag.Green, "Looking back", AssessedOn: new DateOnly(2024, 2, 1)), Assessed(Rag.Red, new DateOnly(2024, 3, 1)))
            .ShouldRefuse(RefusalKind.Invalid, "assessedOn", "before-latest-assessment");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_judgement_needs_a_reason(string reason) =>
        AssessStatusEndpoint.Validate(new AssessStatus(Rag.Red, reason)).ShouldName("reason", "required");

    [Fact]
    public void a_rating_outside_green_amber_red_is_refused() =>
        AssessStatusEndpoint.Validate(new AssessStatus((Rag)7, "x")).ShouldName("rating", "rating-unknown");

    [Fact]
    public void an_oversized_party_id_is_refused() =>
        AssessStatusEndpoint.Validate(new AssessStatus(Rag.Red, "x", new string('p', 41))).ShouldName("partyId", "max-length");
}
