using JasperFx.Events;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;

namespace ProgramTracker.Api.Agreements;

public enum AgreementStatus
{
    Draft,
    Signed,
    InForce,
    Expired,
    Closed,
}

/// <summary>A body that is party to an agreement, such as a department under a ministry.</summary>
public sealed record Party(
    string PartyId,
    LocalizedText Name,
    string Country,
    string? ShortName = null,
    LocalizedText? ParentBody = null,
    IReadOnlyList<Signatory>? Signatories = null);

public sealed record Signatory(LocalizedText Name, LocalizedText? Title = null);

public sealed record ValidityPeriod(PartialDate? From = null, PartialDate? To = null)
{
    public static readonly ValidityPeriod Open = new(null, null);

    /// <summary>Whether <paramref name="date"/> may fall inside the period, judged only on the bounds that are known.</summary>
    public bool MayContain(DateOnly date) =>
        (From?.Earliest is not { } from || date >= from) && (To?.Latest is not { } to || date <= to);
}

/// <summary>Every agreement event names its agreement, so cross-stream views group without lookups.</summary>
public interface IAgreementEvent
{
    Guid AgreementId { get; }
}

public sealed record AgreementRegistered(
    Guid AgreementId,
    string Code,
    LocalizedText Title,
    IReadOnlyList<Party> Parties,
    PartialDate? SignedOn,
    LocalizedText? SignedAt,
    ValidityPeriod Validity,
    AgreementStatus Status,
    string? SourceReference,
    Guid? PredecessorId,
    bool IsSample) : IAgreementEvent;

public sealed record AgreementStatusChanged(Guid AgreementId, AgreementStatus From, AgreementStatus To, PartialDate? EffectiveOn, string Reason) : IAgreementEvent;

public sealed record AgreementAmended(Guid AgreementId, string Summary, PartialDate? EffectiveOn, string Reason, string? SourceReference) : IAgreementEvent;

public sealed record AgreementExtended(Guid AgreementId, PartialDate? PreviousEnd, PartialDate NewEnd, string Reason) : IAgreementEvent;

public sealed record WorkstreamAdded(Guid AgreementId, Guid WorkstreamId, string Code) : IAgreementEvent;

public sealed record Amendment(string Summary, PartialDate? EffectiveOn, string Reason, string? SourceReference);

public sealed record WorkstreamRef(Guid WorkstreamId, string Code);

/// <summary>An agreement (MoU) as its own stream tells it. Kept inline as a snapshot, so commands never replay.</summary>
public sealed record Agreement(
    Guid Id,
    string Code,
    LocalizedText Title,
    IReadOnlyList<Party> Parties,
    PartialDate? SignedOn,
    LocalizedText? SignedAt,
    ValidityPeriod Validity,
    AgreementStatus Status,
    string? SourceReference,
    Guid? PredecessorId,
    bool IsSample,
    IReadOnlyList<WorkstreamRef> Workstreams,
    IReadOnlyList<Amendment> Amendments)
{
    public long Version { get; set; }

    /// <summary>When the agreement's own stream last recorded an event; part of an agreement's "last update".
    /// Null on snapshots stored before it was kept, until the agreement records its next event.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Whether officers' progress, completions and measurements wait for a reviewer's approval.</summary>
    public bool RequiresSignOff { get; init; }

    /// <summary>The person ids (as they sign in) who may review submissions, besides administrators.</summary>
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Reporting periods whose figures are final; a change dated inside one is a correction.</summary>
    public IReadOnlyList<ClosedPeriod> ClosedPeriods { get; init; } = [];

    public static Agreement? Fold(Agreement? state, IEvent e) => Next(state, e) is { } next ? next with { UpdatedAt = e.Timestamp } : null;

    private static Agreement? Next(Agreement? state, IEvent e) => (state, e.Data) switch
    {
        (_, AgreementRegistered r) => new Agreement(r.AgreementId, r.Code, r.Title, r.Parties, r.SignedOn, r.SignedAt, r.Validity,
            r.Status, r.SourceReference, r.PredecessorId, r.IsSample, [], []),
        (null, _) => null,
        (_, AgreementStatusChanged c) => state with { Status = c.To },
        (_, AgreementAmended a) => state with { Amendments = [.. state.Amendments, new Amendment(a.Summary, a.EffectiveOn, a.Reason, a.SourceReference)] },
        (_, AgreementExtended x) => state with { Validity = state.Validity with { To = x.NewEnd } },
        (_, WorkstreamAdded w) => state with { Workstreams = [.. state.Workstreams, new WorkstreamRef(w.WorkstreamId, w.Code)] },
        (_, SignOffRequired r) => state with { RequiresSignOff = true, Reviewers = r.Reviewers },
        (_, SignOffNoLongerRequired) => state with { RequiresSignOff = false, Reviewers = [] },
        (_, ReportingPeriodClosed c) => state with { ClosedPeriods = [.. state.ClosedPeriods, new ClosedPeriod(c.Period, c.From, c.To)] },
        _ => state,
    };

    public bool HasParty(string partyId) => Parties.Any(p => p.PartyId == partyId);

    public IEnumerable<string> Countries => Parties.Select(p => p.Country).Distinct();
}
