using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees;

public static class GetCommitteeEndpoint
{
    /// <summary>
    /// The committee roster today, or as it stood at the end of <c>asOf</c>: then it is folded from the stream's
    /// events, each judged on its own effective day, so back-dated appointments count from when they took effect
    /// (<c>basis=effective</c>, the default here); <c>basis=recorded</c> counts only what was recorded by then.
    /// </summary>
    [Authorize(Policy = Policies.ReadCommittee)]
    [Returns<CommitteeRoster>(ETag = true)]
    [WolverineGet("/api/committees/{id}")]
    public static async Task<IResult> Get(Guid id, string? asOf, string? basis, Reads reads, HttpContext http)
    {
        if (!AsOfDate.TryRead(asOf, out var date, out var problem)) return problem!;
        if (!AsOfBases.TryRead(basis, AsOfBasis.Effective, out var asOfBasis, out problem)) return problem!;
        var ct = http.RequestAborted;
        if (date is { } on)
        {
            var (exists, then) = await reads.CommitteeAsOfAsync(id, on, ct, asOfBasis);
            if (!exists) return Problems.NotFound("committee", id);
            if (then is null)
                return Problems.From(Refusal.NotFound("asOf", "not-yet-established", $"Committee {id} was not yet established on {on:yyyy-MM-dd}."));
            return Results.Ok(then.Roster);
        }

        if (await reads.CommitteeAsync(id, ct) is not { } read) return Problems.NotFound("committee", id);
        http.Response.Headers.ETag = ETags.For(read.Committee.Version);
        return Results.Ok(read.Roster);
    }
}

public sealed record RoleMembers(CommitteeRole Role, IReadOnlyList<Membership> Members);

public sealed record PartyMembers(string PartyId, IReadOnlyList<Membership> Members);

/// <summary>Seats the source provides for; those no one fills yet are "to be appointed" (a count the source does not state stays null).</summary>
public sealed record SeatView(string PartyId, CommitteeRole Role, int? Seats, int Filled, int? ToBeAppointed, string Status, string? Note);

public sealed record MeetingSummary(Guid MeetingId, DateOnly ScheduledOn, DateOnly? HeldOn, bool? QuorumReached, int AgendaItems, bool IsSample);

public sealed record CommitteeRoster(
    Guid Id,
    Guid AgreementId,
    string? PartyId,
    bool Joint,
    LocalizedText Name,
    LocalizedText Mandate,
    QuorumRule Quorum,
    PartialDate? EstablishedOn,
    bool IsSample,
    DateOnly AsOf,
    Membership? Chair,
    int MembersInOffice,
    int QuorumRequired,
    IReadOnlyList<Membership> CurrentMembers,
    IReadOnlyList<RoleMembers> ByRole,
    IReadOnlyList<PartyMembers> ByParty,
    IReadOnlyList<Membership> PastMembers,
    IReadOnlyList<Membership> Upcoming,
    IReadOnlyList<Principal> Principals,
    IReadOnlyList<SeatView> SeatsToBeAppointed,
    MeetingSummary? NextMeeting,
    IReadOnlyList<MeetingSummary> Meetings,
    int OpenActionItems,
    int OverdueActionItems,
    long? Version,
    IReadOnlyList<PartyView>? Parties = null)
{
    /// <summary>The roster on <paramref name="asOf"/>; with the agreement, its parties too, so that party ids can be shown as names.</summary>
    public static CommitteeRoster From(Committee c, DateOnly asOf, bool current, Agreement? agreement = null)
    {
        var inOffice = c.InOfficeOn(asOf).OrderBy(m => m.Role).ThenBy(m => m.PartyId).ThenBy(m => m.Name).ToList();
        var past = c.Members.Where(m => m.To is { } to && to <= asOf).OrderBy(m => m.To).ToList();
        var upcoming = c.Members.Where(m => m.From > asOf && (m.To is not { } to || to > m.From)).OrderBy(m => m.From).ToList();
        var seats = c.SeatsToBeAppointed.Select(s =>
        {
            var filled = inOffice.Count(m => m.PartyId == s.PartyId && m.Role == s.Role);
            int? open = s.Count is { } count ? Math.Max(0, count - filled) : null;
            var status = open == 0 || (s.Count is null && filled > 0) ? "filled" : "toBeAppointed";
            return new SeatView(s.PartyId, s.Role, s.Count, filled, open, status, s.Note);
        }).ToList();
        var meetings = c.Meetings.OrderBy(m => m.ScheduledOn)
            .Select(m => new MeetingSummary(m.Id, m.ScheduledOn, m.HeldOn, m.Held ? m.QuorumReached : null, m.Agenda.Count, m.IsSample)).ToList();
        var next = meetings.FirstOrDefault(m => m.HeldOn is null && m.ScheduledOn >= asOf);
        var people = c.PeopleInOfficeOn(asOf).Count;

        return new CommitteeRoster(c.Id, c.AgreementId, c.PartyId, c.IsJoint, c.Name, c.Mandate, c.Quorum, c.EstablishedOn, c.IsSample, asOf,
            inOffice.FirstOrDefault(m => m.Role == CommitteeRole.Chair), people, c.Quorum.Required(people), inOffice,
            [.. inOffice.GroupBy(m => m.Role).Select(g => new RoleMembers(g.Key, [.. g]))],
            [.. inOffice.GroupBy(m => m.PartyId).Select(g => new PartyMembers(g.Key, [.. g]))],
            past, upcoming, c.Principals, seats, next, meetings,
            c.ActionItems.Count(a => a.IsOpen), c.ActionItems.Count(a => a.IsOverdue(asOf)),
            current ? c.Version : null,
            agreement is null ? null : [.. agreement.Parties.Select(p => new PartyView(p.PartyId, p.Name, p.Country, p.ShortName))]);
    }

    public PartyView? Party(string? partyId) => Parties?.FirstOrDefault(p => p.PartyId == partyId);
}
