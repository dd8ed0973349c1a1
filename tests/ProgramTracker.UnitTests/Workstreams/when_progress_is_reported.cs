using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Milestones;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_progress_is_reported
{
    private static Decision Report(ReportMilestoneProgress command, params object[] history) =>
        ReportMilestoneProgress.Decide(command, Given.Workstream([Planned(), .. history]), MilestoneId, Today);

    [Fact]
    public void a_report_records_percent_narrative_and_evidence()
    {
        var reported = Report(new ReportMilestoneProgress(40, " Eight officials trained. ", "https://example.org/r.pdf", new DateOnly(2024, 5, 1)))
            .ShouldDecide<MilestoneProgressReported>();

        reported.Percent.ShouldBe(40);
        reported.Narrative.ShouldBe("Eight officials trained.");
        reported.EvidenceUrl.ShouldBe("https://example.org/r.pdf");
        reported.ReportedOn.ShouldBe(new DateOnly(2024, 5, 1));
        Given.Workstream(Planned(), reported).PercentComplete.ShouldBe(40m);
    }

    [Fact]
    public void a_report_on_a_planned_milestone_starts_it()
    {
        var reported = Report(new ReportMilestoneProgress(10, "Kick-off held")).ShouldDecide<MilestoneProgressReported>();

        reported.ReportedOn.ShouldBe(Today);
        var milestone = Given.Workstream(Planned(), reported).FindMilestone(MilestoneId)!;
        milestone.Status.ShouldBe(MilestoneStatus.InProgress);
        milestone.StartedOn.ShouldBe(Today);
    }

    [Fact]
    public void a_report_on_a_blocked_milestone_keeps_it_blocked_and_unblocking_returns_it_to_work()
    {
        object[] history = [Planned(), Blocked(new DateOnly(2024, 3, 1))];
        var reported = ReportMilestoneProgress.Decide(new ReportMilestoneProgress(20, "Prepared while waiting"), Given.Workstream(history), MilestoneId, Today)
            .ShouldDecide<MilestoneProgressReported>();

        Given.Workstream([.. history, reported]).FindMilestone(MilestoneId)!.Status.ShouldBe(MilestoneStatus.Blocked);
        Given.Workstream([.. history, reported, Unblocked(Today)]).FindMilestone(MilestoneId)!.Status.ShouldBe(MilestoneStatus.InProgress);
    }

    [Fact]
    public void progress_on_a_cancelled_milestone_is_a_conflict() =>
        Report(new ReportMilestoneProgress(50, "x"), Cancelled(new DateOnly(2024, 3, 1)))
            .ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-cancelled");

    [Fact]
    public void progress_on_a_completed_milestone_is_a_conflict() =>
        Report(new ReportMilestoneProgress(50, "x"), Completed(new DateOnly(2024, 3, 1)))
            .ShouldRefuse(RefusalKind.Conflict, "milestoneId", "milestone-completed");

    [Fact]
    public void progress_reported_in_the_future_is_refused() =>
        Report(new ReportMilestoneProgress(50, "x", ReportedOn: Today.AddDays(1))).ShouldRefuse(RefusalKind.Invalid, "reportedOn", "future-date");

    [Fact]
    public void progress_reported_before_the_start_is_refused() =>
        Report(new ReportMilestoneProgress(50, "x", ReportedOn: new DateOnly(2024, 1, 31)), Started(new DateOnly(2024, 2, 1)))
            .ShouldRefuse(RefusalKind.Invalid, "reportedOn", "before-start");

    [Fact]
    public void an_unknown_milestone_is_not_found() =>
        ReportMilestoneProgress.Decide(new ReportMilestoneProgress(1, "x"), Given.Workstream(), MilestoneId, Today)
            .ShouldRefuse(RefusalKind.NotFound, "milestoneId", "not-found");

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void a_percent_outside_0_to_100_is_a_bad_request(int percent) =>
        ReportMilestoneProgressEndpoint.Validate(new ReportMilestoneProgress(percent, "x")).ShouldName("percent", "range");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void zero_and_a_hundred_percent_are_valid(int percent) =>
        ReportMilestoneProgressEndpoint.Validate(new ReportMilestoneProgress(percent, "x")).ShouldPass();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void a_narrative_is_required(string narrative) =>
        ReportMilestoneProgressEndpoint.Validate(new ReportMilestoneProgress(50, narrative)).ShouldName("narrative", "required");

    [Fact]
    public void an_oversized_narrative_is_refused() =>
        ReportMilestoneProgressEndpoint.Validate(new ReportMilestoneProgress(50, new string('x', 4001))).ShouldName("narrative", "max-length");

    [Fact]
    public void evidence_must_be_a_web_link() =>
        ReportMilestoneProgressEndpoint.Validate(new ReportMilestoneProgress(50, "x", "file:///c:/report.doc")).ShouldName("evidenceUrl", "url");
}
