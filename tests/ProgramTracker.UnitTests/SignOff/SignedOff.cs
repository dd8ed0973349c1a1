using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;
using ProgramTracker.Api.Workstreams;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.SignOff;

/// <summary>An agreement that requires sign-off, its officer and reviewers, and what they submit.</summary>
public static class SignedOff
{
    public static readonly Actor Officer = new("officer-sub", "Souksavanh");
    public static readonly Actor FocalPoint = new("focal-sub", "Nguyen Van An");
    public static readonly Actor Administrator = new("admin-sub", "Secretariat");
    public static readonly Guid SubmissionId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000d1");

    public static Reviewer Reviewing(Actor actor, string? personId = null, bool administrator = false) => new(actor, personId, administrator);

    public static readonly Reviewer TheFocalPoint = Reviewing(FocalPoint, "focal-point");

    public static Agreement Agreement(params object[] events) =>
        Given.Agreement([new SignOffRequired(Given.AgreementId, ["focal-point"], "Figures count once the other side agrees"), .. events]);

    public static Recorder RecorderFor(Agreement agreement, Actor? by = null) => Recorder.For(agreement, by ?? Officer, SubmissionId);

    public static WorkSubmitted Submitted(int percent = 60, DateOnly? on = null, Guid? id = null, Actor? by = null, string? correction = null) =>
        new(Given.WorkstreamId, Given.AgreementId, id ?? SubmissionId, (by ?? Officer).Id, (by ?? Officer).Name,
            Progress: Reported(percent, on ?? Today), CorrectionReason: correction);

    public static SubmissionApproved Approved(Guid? id = null) =>
        new(Given.WorkstreamId, Given.AgreementId, id ?? SubmissionId, FocalPoint.Id, FocalPoint.Name);

    public static SubmissionReturned Returned(Guid? id = null) =>
        new(Given.WorkstreamId, Given.AgreementId, id ?? SubmissionId, "The narrative names no evidence", FocalPoint.Id, FocalPoint.Name);

    public static ReportingPeriodClosed Closed(string period)
    {
        var p = ReportingPeriod.Parse(period)!;
        return new ReportingPeriodClosed(Given.AgreementId, p.Period, p.From, p.To);
    }
}
