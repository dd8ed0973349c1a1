using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.People;

public sealed record SeatHeld(CommitteeRole Role, string PartyId, Guid? WorkstreamId, DateOnly From, DateOnly? To, bool Current);

public sealed record CommitteeAssignment(Guid CommitteeId, Guid AgreementId, LocalizedText? CommitteeName, bool Principal, string? PrincipalTitle,
    IReadOnlyList<SeatHeld> Seats);

public sealed record ActionItemAssignment(Guid CommitteeId, Guid AgreementId, Guid ActionItemId, string Text, Guid? WorkstreamId, DateOnly DueDate,
    DateOnly AssignedOn, bool Overdue);

/// <summary>The view a member opens first: every committee and role they hold, their focal workstreams, their open actions.</summary>
public sealed record AssignmentsView(
    string PersonId,
    string Name,
    DateOnly AsOf,
    IReadOnlyList<CommitteeAssignment> Committees,
    IReadOnlyList<Guid> FocalPointFor,
    IReadOnlyList<ActionItemAssignment> OpenActionItems,
    int OverdueActionItems)
{
    public static AssignmentsView From(PersonAssignments person, IReadOnlyDictionary<Guid, Committee> committees, DateOnly asOf)
    {
        var open = person.ActionItems.Where(a => a.Status == ActionItemStatus.Open).OrderBy(a => a.DueDate)
            .Select(a => new ActionItemAssignment(a.CommitteeId, a.AgreementId, a.ActionItemId, a.Text, a.WorkstreamId, a.DueDate, a.AssignedOn, a.IsOverdue(asOf)))
            .ToList();
        var committeeIds = person.Seats.Select(s => s.CommitteeId).Concat(person.Principal.Select(p => p.CommitteeId)).Distinct();
        var assignments = committeeIds.Select(id =>
        {
            var principal = person.Principal.FirstOrDefault(p => p.CommitteeId == id);
            var seats = person.Seats.Where(s => s.CommitteeId == id).OrderBy(s => s.From)
                .Select(s => new SeatHeld(s.Role, s.PartyId, s.WorkstreamId, s.From, s.To, s.InOfficeOn(asOf))).ToList();
            var agreementId = principal?.AgreementId ?? person.Seats.First(s => s.CommitteeId == id).AgreementId;
            return new CommitteeAssignment(id, agreementId, committees.GetValueOrDefault(id)?.Name, principal is not null, principal?.Title, seats);
        }).ToList();

        return new AssignmentsView(person.Id, person.Name, asOf, assignments,
            [.. person.Seats.Where(s => s.Role == CommitteeRole.FocalPoint && s.InOfficeOn(asOf)).Select(s => s.WorkstreamId!.Value).Distinct()],
            open, open.Count(a => a.Overdue));
    }
}

public static class GetAssignmentsEndpoint
{
    /// <summary>
    /// A person's committee assignments today, or at the end of <c>asOf</c>: then folded from the events of the
    /// committees they appear in, each judged on its own effective day.
    /// </summary>
    [Authorize(Policy = Policies.SignedIn)]
    [Returns<AssignmentsView>]
    [WolverineGet("/api/people/{personId}/assignments")]
    public static async Task<IResult> Get(string personId, string? asOf, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        if (!AsOfDate.TryRead(asOf, out var date, out var problem)) return problem!;
        var ct = http.RequestAborted;
        // People's assignments span agreements: a user reads their own, an administrator anyone's.
        var access = await http.AccessAsync();
        var person = access.IsAdministrator || access.PersonId == personId ? await session.LoadAsync<PersonAssignments>(personId, ct) : null;
        if (person is null) return Problems.From(Refusal.NotFound("personId", "not-found", $"No committee has ever named the person '{personId}'."));
        var committees = (await session.LoadManyAsync<Committee>(ct, person.CommitteeIds)).ToDictionary(c => c.Id);

        if (date is not { } on) return Results.Ok(AssignmentsView.From(person, committees, clock.Today()));

        var events = new List<JasperFx.Events.IEvent>();
        foreach (var committeeId in person.CommitteeIds) events.AddRange(await session.Events.FetchStreamAsync(committeeId, token: ct));
        var then = events
            .Where(e => e.Data is ICommitteeEvent c && CommitteeEvents.People(c).Contains(personId)
                        && CommitteeEvents.EffectiveOn(e.Data, e.Timestamp) <= on)
            .OrderBy(e => e.Sequence)
            .Aggregate((PersonAssignments?)null, (state, e) => PersonAssignments.Fold(state, personId, e));
        return Results.Ok(AssignmentsView.From(then ?? new PersonAssignments(personId, person.Name, [], [], []), committees, on));
    }
}

public sealed record PersonListItem(string PersonId, string Name, int Committees, int SeatsHeld, int OpenActionItems, int OverdueActionItems);

public sealed record PeoplePage(IReadOnlyList<PersonListItem> Items, int Total, int Page, int PageSize);

public static class GetPeopleEndpoint
{
    [Authorize(Policy = Policies.Administrator)]
    [Returns<PeoplePage>]
    [EndpointName("listPeople")]
    [WolverineGet("/api/people")]
    public static async Task<IResult> List(string? q, int? page, int? pageSize, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var query = session.Query<PersonAssignments>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(p => p.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Id.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        var total = await query.CountAsync(http.RequestAborted);
        var people = await query.OrderBy(p => p.Name).Skip((number - 1) * size).Take(size).ToListAsync(http.RequestAborted);
        var today = clock.Today();
        return Results.Ok(new PeoplePage([.. people.Select(p =>
        {
            var current = p.Seats.Where(s => s.InOfficeOn(today)).ToList();
            var open = p.ActionItems.Where(a => a.Status == ActionItemStatus.Open).ToList();
            return new PersonListItem(p.Id, p.Name, current.Select(s => s.CommitteeId).Concat(p.Principal.Select(x => x.CommitteeId)).Distinct().Count(),
                current.Count, open.Count, open.Count(a => a.IsOverdue(today)));
        })], total, number, size));
    }
}
