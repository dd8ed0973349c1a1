using JasperFx.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Dashboards;

/// <summary>
/// What "as of a day" means. <see cref="Recorded"/>: what the system knew when the day ended (events recorded by
/// then). <see cref="Effective"/>: what had happened by then according to the dates on the events (completed on,
/// reported on, measured on, assessed on, appointed from), whenever they were recorded.
/// </summary>
public enum AsOfBasis
{
    Recorded,
    Effective,
}

public static class AsOfBases
{
    public const string Parameter = "basis";

    /// <summary>Reads <c>?basis=recorded|effective</c>; a missing value is <paramref name="fallback"/>, an unknown one a 400 naming <c>basis</c>.</summary>
    public static bool TryRead(string? raw, AsOfBasis fallback, out AsOfBasis basis, out IResult? problem)
    {
        basis = fallback;
        problem = null;
        if (string.IsNullOrEmpty(raw)) return true;
        switch (raw.Trim().ToLowerInvariant())
        {
            case "recorded":
                basis = AsOfBasis.Recorded;
                return true;
            case "effective":
                basis = AsOfBasis.Effective;
                return true;
            default:
                problem = QueryValues.Invalid(Parameter, "basis-unknown", "'basis' must be 'recorded' (as the system knew it) or 'effective' (by the dates on the events).");
                return false;
        }
    }

    public static string Name(this AsOfBasis basis) => basis == AsOfBasis.Effective ? "effective" : "recorded";

    /// <summary>Whether the event counts on <paramref name="day"/> (its end) under this basis.</summary>
    public static bool Counts(this AsOfBasis basis, IEvent e, DateOnly day) =>
        basis == AsOfBasis.Effective ? EffectiveDates.Of(e) <= day : e.Timestamp <= QueryValues.EndOf(day);

    /// <summary>Whether the event counts before <paramref name="day"/> began under this basis.</summary>
    public static bool CountsBefore(this AsOfBasis basis, IEvent e, DateOnly day) =>
        basis == AsOfBasis.Effective ? EffectiveDates.Of(e) < day : e.Timestamp < QueryValues.StartOf(day);

    /// <summary>The events that count on <paramref name="day"/>, folded in the order they were recorded.</summary>
    public static T? Fold<T>(this AsOfBasis basis, IEnumerable<IEvent> events, DateOnly day, Func<T?, IEvent, T?> fold) where T : class =>
        events.OrderBy(e => e.Version).Where(e => basis.Counts(e, day)).Aggregate((T?)null, fold);
}

/// <summary>
/// The day an event took effect: the date it carries for what it reports, or, for an event with no date of its own
/// (a plan, a definition, a registration, a reschedule), the day it was recorded. The effective basis of every as-of
/// read judges events by this one function.
/// </summary>
public static class EffectiveDates
{
    public static DateOnly Of(IEvent e) => Of(e.Data, e.Timestamp);

    public static DateOnly Of(object data, DateTimeOffset recordedAt)
    {
        var recorded = DateOnly.FromDateTime(recordedAt.UtcDateTime);
        return data switch
        {
            MilestoneStarted e => e.StartedOn,
            MilestoneProgressReported e => e.ReportedOn,
            MilestoneCompleted e => e.CompletedOn,
            MilestoneBlocked e => e.BlockedOn,
            MilestoneUnblocked e => e.UnblockedOn,
            MilestoneCancelled e => e.CancelledOn,
            IndicatorMeasured e => e.MeasuredOn,
            StatusAssessed e => e.AssessedOn,
            SignOff.CorrectionRecorded e => e.EffectiveOn,
            AgreementStatusChanged { EffectiveOn.Earliest: { } on } => on,
            ICommitteeEvent => CommitteeEvents.EffectiveOn(data, recordedAt),
            _ => recorded,
        };
    }
}
