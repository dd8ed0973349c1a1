using JasperFx.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Indicators;
using ProgramTracker.Api.Workstreams.Milestones;

namespace ProgramTracker.Api.SampleData;

/// <summary>
/// One agreement of the shipped catalogue, written as the commands a user would issue. <see cref="Decide"/> runs
/// them through the same decisions as user data, so sample data obeys the same rules.
/// </summary>
public sealed record SampleAgreement(
    Guid Id,
    RegisterAgreement Register,
    IReadOnlyList<SampleWorkstream> Workstreams,
    SampleClosure? ClosedAs = null)
{
    /// <summary>The streams to start (the agreement's first), or the rule the data broke.</summary>
    public SamplePlan Decide(bool predecessorExists, bool codeTaken)
    {
        var registered = RegisterAgreement.Decide(Register, Id, predecessorExists, codeTaken);
        if (registered.Refusal is { } refused) return SamplePlan.Refused(refused);

        List<object> agreementEvents = [.. registered.Events];
        List<NewStream> workstreams = [];
        foreach (var sample in Workstreams)
        {
            var agreement = FoldAll<Agreement>(agreementEvents, Agreement.Fold)!;
            var added = AddWorkstream.Decide(sample.Add, agreement, sample.Id);
            if (added.Refusal is { } noWorkstream) return SamplePlan.Refused(noWorkstream);
            agreementEvents.AddRange(added.Events);

            List<object> workstreamEvents = [.. added.Starts.Single(s => s.StreamId == sample.Id).Events];
            foreach (var milestone in sample.Milestones)
            {
                var workstream = FoldAll<Workstream>(workstreamEvents, Workstream.Fold)!;
                var planned = PlanMilestone.Decide(milestone.Plan, workstream, agreement.Validity, milestone.Id, isSample: true);
                if (planned.Refusal is { } noMilestone) return SamplePlan.Refused(noMilestone);
                workstreamEvents.AddRange(planned.Events);
            }
            foreach (var indicator in sample.Indicators)
            {
                var workstream = FoldAll<Workstream>(workstreamEvents, Workstream.Fold)!;
                var defined = DefineIndicator.Decide(new DefineIndicator(indicator.Name, indicator.Unit, indicator.TargetLow,
                    indicator.Period, TargetHigh: indicator.TargetHigh), workstream, indicator.Id, indicator.IsSample);
                if (defined.Refusal is { } noIndicator) return SamplePlan.Refused(noIndicator);
                workstreamEvents.AddRange(defined.Events);
            }
            workstreams.Add(new NewStream(typeof(Workstream), sample.Id, workstreamEvents));
        }

        if (ClosedAs is { } closure)
        {
            // Decided as on the day the closure took effect, as it would have been recorded then.
            var closed = ChangeAgreementStatus.Decide(new ChangeAgreementStatus(AgreementStatus.Closed, closure.Reason, closure.EffectiveOn),
                FoldAll<Agreement>(agreementEvents, Agreement.Fold)!, closure.EffectiveOn.Latest ?? DateOnly.MaxValue);
            if (closed.Refusal is { } notClosed) return SamplePlan.Refused(notClosed);
            agreementEvents.AddRange(closed.Events);
        }

        return new SamplePlan([new NewStream(typeof(Agreement), Id, agreementEvents), .. workstreams], null);
    }

    private static T? FoldAll<T>(IEnumerable<object> events, Func<T?, IEvent, T?> fold) where T : class =>
        events.Select(data => (IEvent)Event.For(data)).Aggregate((T?)null, fold);
}

/// <summary>A workstream the source names, with the milestones and indicators planned for it.</summary>
public sealed record SampleWorkstream(
    Guid Id,
    AddWorkstream Add,
    IReadOnlyList<SampleMilestone>? Milestones = null,
    IReadOnlyList<SampleIndicator>? Indicators = null)
{
    public IReadOnlyList<SampleMilestone> Milestones { get; init; } = Milestones ?? [];
    public IReadOnlyList<SampleIndicator> Indicators { get; init; } = Indicators ?? [];
}

/// <summary>No source gives milestones, so every sample milestone is sample data.</summary>
public sealed record SampleMilestone(Guid Id, PlanMilestone Plan);

/// <summary>An indicator; <see cref="IsSample"/> is false only where the source states the target.</summary>
public sealed record SampleIndicator(
    Guid Id,
    LocalizedText Name,
    string Unit,
    decimal TargetLow,
    decimal? TargetHigh,
    IndicatorPeriod Period,
    bool IsSample);

/// <summary>A historical programme that has ended: closed after its workstreams were recorded.</summary>
public sealed record SampleClosure(PartialDate EffectiveOn, string Reason);

public sealed record SamplePlan(IReadOnlyList<NewStream> Streams, Refusal? Refusal)
{
    public static SamplePlan Refused(Refusal refusal) => new([], refusal);
}
