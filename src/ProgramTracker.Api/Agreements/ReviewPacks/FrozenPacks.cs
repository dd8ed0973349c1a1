using JasperFx.Events;
using Marten;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.Api.Agreements.ReviewPacks;

/// <summary>A frozen review pack as listed and printed: what was frozen and the sequence number of the event that froze it.</summary>
public sealed record FrozenReviewPack(
    Guid AgreementId,
    DateOnly PackDate,
    string Sha256,
    AsOfBasis Basis,
    Guid? MeetingId,
    long Sequence,
    DateTimeOffset FrozenAt,
    string? FrozenBy,
    long UpToSequence)
{
    public static FrozenReviewPack Of(IEvent e, ReviewPackFrozen f) =>
        new(f.AgreementId, f.PackDate, f.Sha256, f.Basis, f.MeetingId, e.Sequence, e.Timestamp, e.UserName, f.UpToSequence);
}

public static class FrozenPacks
{
    /// <summary>Freezes the pack as of <paramref name="day"/>: computes it now and returns the event that records its hash (not yet appended).</summary>
    public static async Task<ReviewPackFrozen?> FreezeAsync(IQuerySession session, Guid agreementId, DateOnly day, AsOfBasis basis, Guid? meetingId,
        int staleAfterDays, CancellationToken ct)
    {
        if (await ReviewPack.ComputeAsync(session, agreementId, new AsOf.Cut(day, basis), staleAfterDays, ct) is not { } computed) return null;
        var (pack, last) = computed;
        return new ReviewPackFrozen(agreementId, day, pack.Sha256(), basis, meetingId, last, staleAfterDays, pack.SectionHashes());
    }

    /// <summary>The packs frozen for an agreement, oldest first, with the events that froze them.</summary>
    public static async Task<IReadOnlyList<(IEvent Event, ReviewPackFrozen Frozen)>> OfAgreementAsync(IQuerySession session, Guid agreementId,
        CancellationToken ct) =>
        [.. (await session.Events.FetchStreamAsync(agreementId, token: ct))
            .Where(e => e.Data is ReviewPackFrozen)
            .OrderBy(e => e.Sequence)
            .Select(e => (e, (ReviewPackFrozen)e.Data))];

    /// <summary>The pack a freeze recorded, recomputed from the events it was bounded by.</summary>
    public static async Task<ReviewPack?> RecomputeAsync(IQuerySession session, ReviewPackFrozen frozen, CancellationToken ct) =>
        (await ReviewPack.ComputeAsync(session, frozen.AgreementId, new AsOf.Cut(frozen.PackDate, frozen.Basis, frozen.UpToSequence),
            frozen.StaleAfterDays, ct))?.Pack;
}
