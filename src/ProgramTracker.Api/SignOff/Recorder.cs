using System.Text.RegularExpressions;
using Marten;
using Marten.Services.BatchQuerying;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.SignOff;

public sealed record ClosedPeriod(string Period, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

public static partial class ReportingPeriod
{
    /// <summary>A year ("2025") or a quarter ("2025-Q1"), as the first and last day it covers.</summary>
    public static ClosedPeriod? Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2200) return null;
        if (!match.Groups["quarter"].Success) return new ClosedPeriod($"{year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var quarter = match.Groups["quarter"].Value[0] - '0';
        var from = new DateOnly(year, quarter * 3 - 2, 1);
        return new ClosedPeriod($"{year}-Q{quarter}", from, from.AddMonths(3).AddDays(-1));
    }

    [GeneratedRegex(@"^(?<year>\d{4})(-Q(?<quarter>[1-4]))?$")]
    private static partial Regex Pattern();
}

/// <summary>A change to a figure of a closed period, and why it is made.</summary>
public sealed record Correction(string Reason);

/// <summary>
/// Who records, and what the agreement asks of a record: that officers' figures wait for sign-off, and that a change
/// dated in a closed period is a correction. <see cref="Direct"/> asks neither, as an agreement without either does.
/// </summary>
public sealed record Recorder(Actor Actor, Guid SubmissionId, bool RequiresSignOff, IReadOnlyList<ClosedPeriod> ClosedPeriods)
{
    public static readonly Recorder Direct = new(Actor.System, Guid.Empty, false, []);

    public static Recorder For(Agreement? agreement, Actor actor, Guid submissionId) =>
        new(actor, submissionId, agreement?.RequiresSignOff == true, agreement?.ClosedPeriods ?? []);

    public ClosedPeriod? ClosedOn(DateOnly date) => ClosedPeriods.FirstOrDefault(p => p.Contains(date));

    /// <summary>Refuses a change dated in a closed period that is not a correction, and a correction that corrects nothing closed.</summary>
    public Refusal? CheckPeriod(string field, DateOnly date, Correction? correction)
    {
        var closed = ClosedOn(date);
        if (closed is not null && correction is null)
            return Refusal.Conflict(field, "period-closed",
                $"{closed.Period} is closed: a change dated {date:yyyy-MM-dd} can only be recorded as a correction, with its reason.");
        if (correction is not null && string.IsNullOrWhiteSpace(correction.Reason))
            return Refusal.Invalid("correction.reason", "required", "A correction needs its reason.");
        if (closed is null && correction is not null)
            return Refusal.Invalid("correction", "not-in-closed-period",
                $"{date:yyyy-MM-dd} is in no closed period, so there is nothing to correct; leave the correction out.");
        return null;
    }

    /// <summary>
    /// Records <paramref name="fact"/> as decided: straight away, after a correction note when it is dated in a closed
    /// period, or as a submission waiting for a reviewer when the agreement requires sign-off and it is a progress
    /// report, a completion or a measurement.
    /// </summary>
    public Decision Record(Workstream workstream, object fact, string field, DateOnly effectiveOn, Correction? correction)
    {
        if (CheckPeriod(field, effectiveOn, correction) is { } refused) return refused;
        if (RequiresSignOff && Submittable(workstream, fact, correction) is { } submitted) return submitted;
        return correction is null
            ? Decision.Accept(fact)
            : Decision.Accept(Corrected(workstream, effectiveOn, correction.Reason), fact);
    }

    public CorrectionRecorded Corrected(Workstream workstream, DateOnly effectiveOn, string reason) =>
        new(workstream.Id, workstream.AgreementId, ClosedOn(effectiveOn)!.Period, effectiveOn, reason.Trim());

    private Decision? Submittable(Workstream workstream, object fact, Correction? correction)
    {
        var work = new WorkSubmitted(workstream.Id, workstream.AgreementId, SubmissionId, Actor.Id, Actor.Name,
            CorrectionReason: correction?.Reason.Trim());
        work = fact switch
        {
            MilestoneProgressReported p => work with { Progress = p },
            MilestoneCompleted c => work with { Completion = c },
            IndicatorMeasured m => work with { Measurement = m },
            _ => work,
        };
        if (work is { Progress: null, Completion: null, Measurement: null }) return null;

        var submission = Submission.Of(work, default);
        if (workstream.Submissions.Any(s => s.IsPending && s.IsAbout(submission.Kind, submission.TargetId, submission.Period)))
        {
            return Refusal.Conflict(submission.Kind == SubmissionKind.Measurement ? "indicatorId" : "milestoneId", "submission-pending",
                "An earlier submission of this waits for a reviewer; it can be submitted again once that one is approved or returned.");
        }
        return Decision.Accept(work);
    }

    /// <summary>
    /// The recorder for a write to a workstream: its agreement's rules, the signed-in user and a new submission id. The
    /// agreement is read in the batch that fetches the workstream for writing (see
    /// <see cref="EventStreamWrites.DecideAsync{TState, TContext}"/>), so its rules cost no round trip of their own.
    /// </summary>
    public static async Task<Func<IBatchedQuery, Task<Recorder>>> AlongsideWorkstreamAsync(HttpContext http, Guid workstreamId)
    {
        var directory = http.RequestServices.GetRequiredService<ResourceDirectory>();
        var agreementId = await directory.AgreementOfAsync(ResourceKind.Workstream, workstreamId, http.RequestAborted);
        var actor = Actor.From(http.User);
        return batch => agreementId is { } id
            ? RecorderOf(batch.Load<Agreement>(id), actor)
            : Task.FromResult(For(null, actor, Guid.CreateVersion7()));
    }

    private static async Task<Recorder> RecorderOf(Task<Agreement?> agreement, Actor actor) => For(await agreement, actor, Guid.CreateVersion7());
}

public static class CorrectionInput
{
    public static InputRules Correction(this InputRules rules, Correction? correction) => correction is null
        ? rules
        : rules.Required("correction.reason", correction.Reason, InputRules.LongText);
}
