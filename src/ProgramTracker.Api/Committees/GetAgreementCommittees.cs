using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees.ActionItems;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees;

public sealed record CommitteeListItem(Guid CommitteeId, LocalizedText Name, string? PartyId, PartialDate? EstablishedOn, int MembersInOffice, bool IsSample);

public sealed record LastReview(Guid CommitteeId, LocalizedText CommitteeName, Guid MeetingId, DateOnly ReviewedOn, Rag Rating, string Comments);

public sealed record WorkstreamCommitteeSummary(Guid WorkstreamId, string Code, LastReview? LastReview, IReadOnlyList<ActionItemView> OpenActionItems);

/// <summary>What the committees say about each workstream of an agreement: made to be folded into the agreement dashboard.</summary>
public sealed record AgreementCommitteeSummary(Guid AgreementId, DateOnly AsOf, IReadOnlyList<CommitteeListItem> Committees,
    IReadOnlyList<WorkstreamCommitteeSummary> Workstreams);

public static class GetAgreementCommitteesEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<List<CommitteeListItem>>]
    [EndpointName("listAgreementCommittees")]
    [WolverineGet("/api/agreements/{agreementId}/committees")]
    public static async Task<IResult> List(Guid agreementId, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        if (await session.LoadAsync<Agreement>(agreementId, ct) is null) return Problems.NotFound("agreement", agreementId, "agreementId");
        var committees = await session.Query<Committee>().Where(c => c.AgreementId == agreementId).ToListAsync(ct);
        return Results.Ok(Items(committees, clock.Today()));
    }

    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<AgreementCommitteeSummary>]
    [EndpointName("getCommitteeSummary")]
    [WolverineGet("/api/agreements/{agreementId}/committee-summary")]
    public static async Task<IResult> Summary(Guid agreementId, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var agreement = await session.LoadAsync<Agreement>(agreementId, ct);
        if (agreement is null) return Problems.NotFound("agreement", agreementId, "agreementId");
        var committees = await session.Query<Committee>().Where(c => c.AgreementId == agreementId).ToListAsync(ct);
        var today = clock.Today();

        var reviews = (from c in committees
                       from m in c.Meetings
                       from r in m.Reviews ?? []
                       select (r.WorkstreamId, Review: new LastReview(c.Id, c.Name, m.Id, r.ReviewedOn, r.Rating, r.Comments))).ToList();
        var workstreams = agreement.Workstreams.Select(w => new WorkstreamCommitteeSummary(w.WorkstreamId, w.Code,
            reviews.Where(r => r.WorkstreamId == w.WorkstreamId).Select(r => r.Review).OrderBy(r => r.ReviewedOn).LastOrDefault(),
            [.. committees.SelectMany(c => c.ActionItems.Where(a => a.IsOpen && a.WorkstreamId == w.WorkstreamId)
                .Select(a => ActionItemView.From(c.Id, a, today))).OrderBy(a => a.DueDate)])).ToList();

        return Results.Ok(new AgreementCommitteeSummary(agreementId, today, Items(committees, today), workstreams));
    }

    private static List<CommitteeListItem> Items(IEnumerable<Committee> committees, DateOnly today) =>
        [.. committees.OrderBy(c => c.EstablishedOn?.Earliest).Select(c => new CommitteeListItem(c.Id, c.Name, c.PartyId, c.EstablishedOn,
            c.PeopleInOfficeOn(today).Count, c.IsSample))];
}
