using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Assessments;
using ProgramTracker.Api.Workstreams.Milestones;
using ProgramTracker.UnitTests.Workstreams;
using static ProgramTracker.UnitTests.SignOff.SignedOff;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.SignOff;

public class when_a_reporting_period_is_closed
{
    private static readonly DateOnly InQ1 = new(2024, 2, 10);

    private static Decision Close(string period, params object[] history) =>
        CloseReportingPeriod.Decide(new CloseReportingPeriod(period), Given.Agreement(history), Today);

    [Fact]
    public void a_quarter_or_a_year_closes_with_the_days_it_covers()
    {
        var closed = Close("2024-Q1").ShouldDecide<ReportingPeriodClosed>();
        (closed.Period, closed.From, closed.To).ShouldBe(("2024-Q1", new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)));
        Close("2023").ShouldDecide<ReportingPeriodClosed>().To.ShouldBe(new DateOnly(2023, 12, 31));
    }

    [Theory]
    [InlineData("2024-Q5")]
    [InlineData("25")]
    [InlineData("2024-q1")]
    public void a_period_that_is_neither_a_year_nor_a_quarter_is_refused(string period)
    {
        Close(period).ShouldRefuse(RefusalKind.Invalid, "period", "period-format");
        CloseReportingPeriodEndpoint.Validate(new CloseReportingPeriod(period)).ShouldName("period", "period-format");
    }

    [Fact]
    public void closing_twice_or_inside_a_closed_year_is_refused()
    {
        Close("2024-Q1", Closed("2024-Q1")).ShouldRefuse(RefusalKind.Conflict, "period", "period-already-closed");
        Close("2023-Q2", Closed("2023")).ShouldRefuse(RefusalKind.Conflict, "period", "period-already-closed");
    }

    [Fact]
    public void a_period_that_has_not_ended_cannot_close()
    {
        Close("2024-Q2").ShouldRefuse(RefusalKind.Invalid, "period", "period-not-ended");
    }

    [Fact]
    public void a_change_dated_in_a_closed_period_is_refused_naming_its_date()
    {
        var recorder = RecorderFor(Given.Agreement(Closed("2024-Q1")));
        ReportMilestoneProgress.Decide(new ReportMilestoneProgress(30, "Late report", ReportedOn: InQ1), Given.Workstream(Planned()), MilestoneId,
            Today, recorder).ShouldRefuse(RefusalKind.Conflict, "reportedOn", "period-closed");
        AssessStatus.Decide(new AssessStatus(Rag.Amber, "Late", AssessedOn: InQ1), Given.Workstream(), null, Officer, Today, recorder)
            .ShouldRefuse(RefusalKind.Conflict, "assessedOn", "period-closed");
        BlockMilestone.Decide(new BlockMilestone("No budget", InQ1), Given.Workstream(Planned()), MilestoneId, Today, recorder)
            .ShouldRefuse(RefusalKind.Conflict, "blockedOn", "period-closed");
        StartMilestone.Decide(new StartMilestone(InQ1, new Correction("Started earlier than recorded")), Given.Workstream(Planned()), MilestoneId,
            Today, recorder).Events.Select(e => e.GetType()).ShouldBe([typeof(CorrectionRecorded), typeof(MilestoneStarted)]);
    }

    [Fact]
    public void a_correction_with_its_reason_is_recorded_as_such()
    {
        var decision = CompleteMilestone.Decide(new CompleteMilestone(InQ1, Correction: new Correction(" The certificate was found late ")),
            Given.Workstream(Planned()), MilestoneId, Today, RecorderFor(Given.Agreement(Closed("2024-Q1"))));

        decision.Refusal.ShouldBeNull();
        var note = decision.Events[0].ShouldBeOfType<CorrectionRecorded>();
        (note.Period, note.EffectiveOn, note.Reason).ShouldBe(("2024-Q1", InQ1, "The certificate was found late"));
        decision.Events[1].ShouldBeOfType<MilestoneCompleted>();
        Given.Workstream([Planned(), .. decision.Events]).Corrections.ShouldHaveSingleItem().Period.ShouldBe("2024-Q1");
    }

    [Fact]
    public void a_correction_needs_a_reason_and_a_closed_period_to_correct()
    {
        CompleteMilestoneEndpoint.Validate(new CompleteMilestone(InQ1, Correction: new Correction(""))).ShouldName("correction.reason", "required");
        CompleteMilestone.Decide(new CompleteMilestone(InQ1, Correction: new Correction("Found late")), Given.Workstream(Planned()), MilestoneId,
            Today, RecorderFor(Given.Agreement())).ShouldRefuse(RefusalKind.Invalid, "correction", "not-in-closed-period");
    }

    [Fact]
    public void a_submitted_correction_is_noted_when_it_is_approved()
    {
        var agreement = Agreement(Closed("2024-Q1"));
        var submitted = ReportMilestoneProgress.Decide(new ReportMilestoneProgress(30, "Late report", ReportedOn: InQ1, Correction: new Correction("Missed")),
            Given.Workstream(Planned()), MilestoneId, Today, RecorderFor(agreement)).ShouldDecide<WorkSubmitted>();
        submitted.CorrectionReason.ShouldBe("Missed");

        var approved = ApproveSubmission.Decide(Given.Workstream(Planned(), submitted), SubmissionId, agreement, TheFocalPoint);
        approved.Events.Select(e => e.GetType()).ShouldBe([typeof(SubmissionApproved), typeof(CorrectionRecorded), typeof(MilestoneProgressReported)]);
    }

    [Fact]
    public void a_submission_whose_period_closed_before_review_cannot_be_approved_as_it_stands()
    {
        ApproveSubmission.Decide(Given.Workstream(Planned(), Submitted(on: InQ1)), SubmissionId, Agreement(Closed("2024-Q1")), TheFocalPoint)
            .ShouldRefuse(RefusalKind.Conflict, "submissionId", "period-closed");
    }
}
