using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements.ReviewPacks;

/// <summary>Freezes the agreement's review pack as of a day (today unless given), on a basis (recorded unless given).</summary>
public sealed record FreezeReviewPack(DateOnly? PackDate = null, AsOfBasis? Basis = null);

/// <summary>A review pack as the page prints it: its content, the freeze it shows (if it is a frozen one) and every frozen pack of the agreement.</summary>
public sealed record ReviewPackRead(ReviewPack Pack, FrozenReviewPack? Frozen, IReadOnlyList<FrozenReviewPack> FrozenPacks);

public static class FreezeReviewPackEndpoint
{
    /// <summary>Administrators, and the chair or secretary in office today of one of the agreement's committees.</summary>
    public static async Task<bool> MayFreezeAsync(HttpContext http, IQuerySession session, Guid agreementId, DateOnly today)
    {
        var access = await http.AccessAsync();
        if (access.IsAdministrator) return true;
        if (access.PersonId is not { } person) return false;
        var committees = await session.Query<Committee>().Where(c => c.AgreementId == agreementId).ToListAsync(http.RequestAborted);
        return committees.Any(c => access.CanActOn(c.Id)
                                   && c.InOfficeOn(today).Any(m => m.PersonId == person && m.Role is CommitteeRole.Chair or CommitteeRole.Secretary));
    }

    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<FrozenReviewPack>]
    [EndpointName("freezeReviewPack")]
    [WolverinePost("/api/agreements/{id}/review-packs")]
    public static async Task<IResult> Post(Guid id, FreezeReviewPack command, IDocumentSession session, Reads reads, HttpContext http)
    {
        var ct = http.RequestAborted;
        var day = command.PackDate ?? reads.Today;
        if (day > reads.Today)
            return Problems.From(Refusal.Invalid("packDate", "future-date", $"A pack can be frozen as of today ({reads.Today:yyyy-MM-dd}) or an earlier day, not {day:yyyy-MM-dd}."));
        if (!await MayFreezeAsync(http, session, id, reads.Today))
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Only an administrator or a committee's chair or secretary may freeze a review pack.",
                "Ask the chair or the secretary of one of the agreement's committees.", "not-chair-or-secretary");
        }
        var frozen = await FrozenPacks.FreezeAsync(session, id, day, command.Basis ?? AsOfBasis.Recorded, null, reads.StaleAfterDays, ct);
        if (frozen is null) return Problems.From(Refusal.NotFound("packDate", "not-yet-registered", $"Agreement {id} was not yet registered on {day:yyyy-MM-dd}."));

        EventStreamWrites.Stamp(session, http, command);
        await session.AppendAtCurrentVersionAsync(id, [frozen], ct);
        await session.SaveChangesAsync(ct);

        var (e, f) = (await FrozenPacks.OfAgreementAsync(session, id, ct))[^1];
        return Results.Ok(FrozenReviewPack.Of(e, f));
    }
}

public static class ListReviewPacksEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<List<FrozenReviewPack>>]
    [EndpointName("listFrozenReviewPacks")]
    [WolverineGet("/api/agreements/{id}/review-packs")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        if (await session.Events.FetchStreamStateAsync(id, http.RequestAborted) is null) return Problems.NotFound("agreement", id);
        var frozen = await FrozenPacks.OfAgreementAsync(session, id, http.RequestAborted);
        return Results.Ok(frozen.Select(f => FrozenReviewPack.Of(f.Event, f.Frozen)).ToList());
    }
}

public static class GetReviewPackEndpoint
{
    /// <summary>
    /// The review pack of a day (today unless <c>packDate</c>), on a basis (recorded unless <c>basis</c>). When a pack
    /// of that day and basis was frozen, the content is the frozen one (recomputed as its freeze bounded it) and
    /// <c>frozen</c> names the freeze.
    /// </summary>
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<ReviewPackRead>]
    [EndpointName("getReviewPack")]
    [WolverineGet("/api/agreements/{id}/review-pack")]
    public static async Task<IResult> Get(Guid id, string? packDate, string? basis, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryDate("packDate", packDate, out var day, out var problem)) return problem!;
        if (!AsOfBases.TryRead(basis, AsOfBasis.Recorded, out var asOfBasis, out problem)) return problem!;
        return await reads.ReviewPackAsync(id, day, asOfBasis, http.RequestAborted) is { } read
            ? Results.Ok(read)
            : Problems.NotFound("agreement", id);
    }
}
