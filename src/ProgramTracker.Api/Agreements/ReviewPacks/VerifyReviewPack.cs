using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements.ReviewPacks;

public sealed partial record VerifyReviewPack(Guid AgreementId, DateOnly? PackDate, string? Sha256)
{
    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    public static partial Regex Hex64();
}

/// <summary>
/// Whether a printed pack's hash still matches: <c>Matches</c> when the pack recomputed from the events (as of its day,
/// bounded as its freeze was) hashes to it. <c>Frozen</c> says whether a pack of that day was frozen with that hash;
/// <c>DifferingSections</c> names the sections whose recomputed hash differs from the frozen one.
/// </summary>
public sealed record ReviewPackVerification(
    Guid AgreementId,
    DateOnly PackDate,
    string Sha256,
    bool Matches,
    bool Frozen,
    long? Sequence,
    string? RecomputedSha256,
    IReadOnlyList<string> DifferingSections,
    string Message);

public static class ReviewPackVerifier
{
    public static async Task<ReviewPackVerification?> VerifyAsync(IQuerySession session, Guid agreementId, DateOnly packDate, string sha256,
        CancellationToken ct)
    {
        var hash = sha256.Trim().ToLowerInvariant();
        if (await session.Events.FetchStreamStateAsync(agreementId, ct) is null) return null;
        var ofDay = (await FrozenPacks.OfAgreementAsync(session, agreementId, ct)).Where(f => f.Frozen.PackDate == packDate).ToList();
        if (ofDay.Count == 0)
            return new(agreementId, packDate, hash, false, false, null, null, [], $"No review pack of this agreement was frozen for {packDate:yyyy-MM-dd}.");

        var named = ofDay.LastOrDefault(f => f.Frozen.Sha256 == hash);
        var (e, frozen) = named.Frozen is not null ? named : ofDay[^1];
        var pack = await FrozenPacks.RecomputeAsync(session, frozen, ct);
        var recomputed = pack?.Sha256();
        var sections = pack?.SectionHashes() ?? new Dictionary<string, string>();
        var differing = ReviewPack.SectionNames.Where(s => frozen.Sections.GetValueOrDefault(s) != sections.GetValueOrDefault(s)).ToList();
        var matches = recomputed == hash;

        var message = (named.Frozen is not null, matches) switch
        {
            (true, true) => $"The hash matches the pack frozen for {packDate:yyyy-MM-dd} (event {e.Sequence}), recomputed from the events.",
            (true, false) => $"The pack frozen for {packDate:yyyy-MM-dd} (event {e.Sequence}) no longer recomputes to this hash; these sections differ: {string.Join(", ", differing)}.",
            (false, _) => $"No pack frozen for {packDate:yyyy-MM-dd} has this hash; the latest (event {e.Sequence}) has {frozen.Sha256}.",
        };
        return new(agreementId, packDate, hash, matches, named.Frozen is not null, e.Sequence, recomputed, differing, message);
    }
}

public static class VerifyReviewPackEndpoint
{
    public static ProblemDetails Validate(VerifyReviewPack command) =>
        new InputRules()
            .Must(command.AgreementId != Guid.Empty, "agreementId", "required", "'agreementId' is required.")
            .Must(command.PackDate is not null, "packDate", "required", "'packDate' is required: the day the pack was frozen for, such as 2024-06-30.")
            .Must(command.Sha256 is { } s && VerifyReviewPack.Hex64().IsMatch(s.Trim()), "sha256", "sha256-format",
                "'sha256' must be the 64 hexadecimal digits printed on the pack.")
            .ToProblem();

    /// <summary>Recomputes a frozen pack from the events and says whether the given hash still matches it (200 either way).</summary>
    [Authorize(Policy = Policies.SignedIn)]
    [Returns<ReviewPackVerification>]
    [WolverinePost("/api/review-packs/verify")]
    public static async Task<IResult> Post(VerifyReviewPack command, IQuerySession session, HttpContext http)
    {
        if (!(await http.AccessAsync()).CanRead(command.AgreementId)) return Problems.NotFound("agreement", command.AgreementId, "agreementId");
        var result = await ReviewPackVerifier.VerifyAsync(session, command.AgreementId, command.PackDate!.Value, command.Sha256!, http.RequestAborted);
        return result is null ? Problems.NotFound("agreement", command.AgreementId, "agreementId") : Results.Ok(result);
    }
}
