using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Indicators;
using ProgramTracker.Api.Workstreams.Milestones;
using ProgramTracker.UnitTests.Workstreams;
using static ProgramTracker.UnitTests.SignOff.SignedOff;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.SignOff;

public class when_progress_is_submitted_for_sign_off
{
    [Fact]
    public void a_progress_report_becomes_a_submission_that_leaves_the_approved_figures_alone()
    {
        var submitted = ReportMilestoneProgress.Decide(new ReportMilestoneProgress(60, "Racks installed"), Given.Workstream(Planned()),
            MilestoneId, Today, RecorderFor(Agreement())).ShouldDecide<WorkSubmitted>();

        submitted.SubmittedBy.ShouldBe(Officer.Id);
        submitted.Progress!.Percent.ShouldBe(60);
        var workstream = Given.Workstream(Planned(), submitted);
        workstream.PercentComplete.ShouldBe(0m);
        workstream.Submissions.ShouldHaveSingleItem().IsPending.ShouldBeTrue();
        workstream.WithPendingApplied().PercentComplete.ShouldBe(60m);
    }

    [Fact]
    public void completions_and_measurements_are_submitted_too_but_an_agreement_without_sign_off_records_at_once()
    {
        CompleteMilestone.Decide(new CompleteMilestone(Today), Given.Workstream(Planned()), MilestoneId, Today, RecorderFor(Agreement()))
            .ShouldDecide<WorkSubmitted>().Completion.ShouldNotBeNull();
        RecordMeasurement.Decide(new RecordMeasurement(12, "2024", Today), Given.Workstream(IndicatorDefined()), IndicatorId, Today,
            RecorderFor(Agreement())).ShouldDecide<WorkSubmitted>().Measurement!.Value.ShouldBe(12);
        ReportMilestoneProgress.Decide(new ReportMilestoneProgress(60, "Racks installed"), Given.Workstream(Planned()), MilestoneId, Today,
            RecorderFor(Given.Agreement())).ShouldDecide<MilestoneProgressReported>();
    }

    [Fact]
    public void a_second_submission_of_the_same_milestone_waits_for_the_first_to_be_reviewed()
    {
        ReportMilestoneProgress.Decide(new ReportMilestoneProgress(70, "More racks"), Given.Workstream(Planned(), Submitted()), MilestoneId,
                Today, RecorderFor(Agreement()) with { SubmissionId = Guid.NewGuid() })
            .ShouldRefuse(RefusalKind.Conflict, "milestoneId", "submission-pending");
    }

    [Fact]
    public void a_reviewer_approves_and_the_fact_follows_the_approval()
    {
        var decision = ApproveSubmission.Decide(Given.Workstream(Planned(), Submitted()), SubmissionId, Agreement(), TheFocalPoint);

        decision.Refusal.ShouldBeNull();
        decision.Events[0].ShouldBeOfType<SubmissionApproved>().ApprovedBy.ShouldBe(FocalPoint.Id);
        decision.Events[1].ShouldBeOfType<MilestoneProgressReported>().Percent.ShouldBe(60);
        var workstream = Given.Workstream([Planned(), Submitted(), .. decision.Events]);
        workstream.PercentComplete.ShouldBe(60m);
        workstream.Submissions.ShouldHaveSingleItem().Status.ShouldBe(SubmissionStatus.Approved);
    }

    [Fact]
    public void nobody_approves_their_own_submission()
    {
        var own = Submitted(by: FocalPoint);
        ApproveSubmission.Decide(Given.Workstream(Planned(), own), SubmissionId, Agreement(), TheFocalPoint)
            .ShouldRefuse(RefusalKind.Forbidden, "submissionId", "own-submission");
    }

    [Fact]
    public void only_named_reviewers_and_administrators_review()
    {
        var workstream = Given.Workstream(Planned(), Submitted());
        ApproveSubmission.Decide(workstream, SubmissionId, Agreement(), Reviewing(new Actor("someone", "Someone"), "someone-else"))
            .ShouldRefuse(RefusalKind.Forbidden, "submissionId", "not-a-reviewer");
        ApproveSubmission.Decide(workstream, SubmissionId, Agreement(), Reviewing(Administrator, administrator: true)).Refusal.ShouldBeNull();
    }

    [Fact]
    public void approving_twice_is_refused()
    {
        ApproveSubmission.Decide(Given.Workstream(Planned(), Submitted(), Approved(), Reported(60, Today)), SubmissionId, Agreement(), TheFocalPoint)
            .ShouldRefuse(RefusalKind.Conflict, "submissionId", "already-approved");
    }

    [Fact]
    public void an_unknown_submission_is_not_found()
    {
        ApproveSubmission.Decide(Given.Workstream(Planned()), SubmissionId, Agreement(), TheFocalPoint)
            .ShouldRefuse(RefusalKind.NotFound, "submissionId", "not-found");
    }

    [Fact]
    public void returning_needs_a_reason()
    {
        ReturnSubmission.Decide(new ReturnSubmission("  "), Given.Workstream(Planned(), Submitted()), SubmissionId, Agreement(), TheFocalPoint)
            .ShouldRefuse(RefusalKind.Invalid, "reason", "required");
        ReturnSubmissionEndpoint.Validate(new ReturnSubmission("")).ShouldName("reason", "required");
    }

    [Fact]
    public void a_returned_submission_shows_its_reason_until_the_officer_answers_it_with_a_new_one()
    {
        var returned = ReturnSubmission.Decide(new ReturnSubmission(" The narrative names no evidence "), Given.Workstream(Planned(), Submitted()),
            SubmissionId, Agreement(), TheFocalPoint).ShouldDecide<SubmissionReturned>();
        returned.Reason.ShouldBe("The narrative names no evidence");
        Given.Workstream(Planned(), Submitted(), returned).Submissions.ShouldHaveSingleItem().AwaitsAnswer.ShouldBeTrue();

        var again = Guid.Parse("0195d3a0-0000-7000-8000-0000000000d2");
        var resubmitted = ReportMilestoneProgress.Decide(new ReportMilestoneProgress(55, "Racks installed; photos attached"),
                Given.Workstream(Planned(), Submitted(), returned), MilestoneId, Today, RecorderFor(Agreement()) with { SubmissionId = again })
            .ShouldDecide<WorkSubmitted>();
        var workstream = Given.Workstream(Planned(), Submitted(), returned, resubmitted);
        workstream.Submissions.Single(s => s.Id == SubmissionId).AwaitsAnswer.ShouldBeFalse();
        workstream.Submissions.Single(s => s.Id == again).IsPending.ShouldBeTrue();
        ApproveSubmission.Decide(Given.Workstream(Planned(), Submitted(), returned), SubmissionId, Agreement(), TheFocalPoint)
            .ShouldRefuse(RefusalKind.Conflict, "submissionId", "already-returned");
    }
}
