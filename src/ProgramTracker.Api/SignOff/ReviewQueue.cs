using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.SignOff;

/// <summary>A submission waiting for the reader's review, with what it would record.</summary>
public sealed record ReviewItem(
    Guid SubmissionId,
    Guid WorkstreamId,
    string WorkstreamCode,
    LocalizedText WorkstreamTitle,
    Guid AgreementId,
    string AgreementCode,
    SubmissionKind Kind,
    Guid TargetId,
    LocalizedText? TargetTitle,
    DateOnly EffectiveOn,
    int? Percent,
    string? Narrative,
    decimal? Value,
    string? Period,
    string? Note,
    string SubmittedByName,
    DateTimeOffset SubmittedAt,
    string? CorrectionReason);

/// <summary>What waits for one reviewer, oldest first: the API's <c>GET /api/me/reviews</c> and the reviews page read it here.</summary>
public static class ReviewQueue
{
    public const int Limit = 500;

    public static async Task<IReadOnlyList<ReviewItem>> ForAsync(IQuerySession session, Reviewer reviewer, CancellationToken ct)
    {
        if (!reviewer.IsAdministrator && reviewer.PersonId is null) return [];
        var workstreams = session.Query<Workstream>().Where(w => w.Submissions.Any(s => s.Status == SubmissionStatus.Pending));
        if (!reviewer.IsAdministrator)
        {
            var person = reviewer.PersonId!;
            var mine = (await session.Query<Agreement>().Where(a => a.Reviewers.Contains(person)).Select(a => a.Id).ToListAsync(ct)).ToArray();
            if (mine.Length == 0) return [];
            workstreams = workstreams.Where(w => w.AgreementId.IsOneOf(mine));
        }
        var waiting = await workstreams.ToListAsync(ct);
        var agreements = (await session.LoadManyAsync<Agreement>(ct, waiting.Select(w => w.AgreementId).Distinct())).ToDictionary(a => a.Id);

        return [.. waiting
            .Where(w => reviewer.MayReview(agreements.GetValueOrDefault(w.AgreementId)))
            .SelectMany(w => w.Submissions.Where(s => s.IsPending && s.SubmittedBy != reviewer.Actor.Id)
                .Select(s => Item(w, agreements[w.AgreementId], s)))
            .OrderBy(i => i.SubmittedAt)
            .Take(Limit)];
    }

    private static ReviewItem Item(Workstream w, Agreement agreement, Submission s)
    {
        var work = s.Work;
        var title = s.Kind == SubmissionKind.Measurement ? w.FindIndicator(s.TargetId)?.Name : w.FindMilestone(s.TargetId)?.Title;
        return new ReviewItem(s.Id, w.Id, w.Code, w.Title, agreement.Id, agreement.Code, s.Kind, s.TargetId, title, s.EffectiveOn,
            work.Progress?.Percent ?? (work.Completion is null ? null : 100),
            work.Progress?.Narrative,
            work.Measurement?.Value,
            work.Measurement?.Period,
            work.Completion?.Note ?? work.Measurement?.Note,
            s.SubmittedByName, s.SubmittedAt, work.CorrectionReason);
    }
}

public static class GetReviewsEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [Returns<List<ReviewItem>>]
    [WolverineGet("/api/me/reviews")]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http) =>
        Results.Ok(await ReviewQueue.ForAsync(session, await Reviewer.FromAsync(http), http.RequestAborted));
}
