using JasperFx.Events;
using Marten.Events.Projections;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.People;

public sealed record HeldSeat(Guid CommitteeId, Guid AgreementId, CommitteeRole Role, string PartyId, Guid? WorkstreamId, DateOnly From, DateOnly? To = null)
{
    public bool InOfficeOn(DateOnly date) => From <= date && (To is not { } to || date < to);
}

public sealed record PrincipalSeat(Guid CommitteeId, Guid AgreementId, string PartyId, string? Title);

public sealed record AssignedAction(
    Guid CommitteeId,
    Guid AgreementId,
    Guid ActionItemId,
    string Text,
    Guid? WorkstreamId,
    DateOnly DueDate,
    DateOnly AssignedOn,
    ActionItemStatus Status = ActionItemStatus.Open,
    DateOnly? ClosedOn = null)
{
    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueDate < today;
}

/// <summary>
/// Everything one person holds across committees: seats (with their history), principal roles and the action
/// items assigned to them. Keyed by the person's id, fed by every committee's stream.
/// </summary>
public sealed record PersonAssignments(
    string Id,
    string Name,
    IReadOnlyList<HeldSeat> Seats,
    IReadOnlyList<PrincipalSeat> Principal,
    IReadOnlyList<AssignedAction> ActionItems)
{
    public IEnumerable<Guid> CommitteeIds =>
        Seats.Select(s => s.CommitteeId).Concat(Principal.Select(p => p.CommitteeId)).Concat(ActionItems.Select(a => a.CommitteeId)).Distinct();

    public static PersonAssignments? Fold(PersonAssignments? state, string personId, IEvent e)
    {
        var current = state ?? new PersonAssignments(personId, personId, [], [], []);
        return e.Data switch
        {
            CommitteeEstablished c when c.Principals.FirstOrDefault(p => p.PersonId == personId) is { } p => current with
            {
                Name = p.Name,
                Principal = [.. current.Principal, new PrincipalSeat(c.CommitteeId, c.AgreementId, p.PartyId, p.Title)],
            },
            MemberAppointed a when a.PersonId == personId => current with
            {
                Name = a.Name,
                Seats = [.. current.Seats, new HeldSeat(a.CommitteeId, a.AgreementId, a.Role, a.PartyId, a.WorkstreamId, a.EffectiveOn)],
            },
            MemberRelieved r when r.PersonId == personId => current with
            {
                Seats = [.. current.Seats.Select(s => s.CommitteeId == r.CommitteeId && s.To is null && s.Role == r.Role && s.WorkstreamId == r.WorkstreamId
                    ? s with { To = r.EffectiveOn }
                    : s)],
            },
            ActionItemAssigned a when a.PersonId == personId => current with
            {
                Name = state is null ? a.PersonName ?? personId : current.Name,
                ActionItems = [.. current.ActionItems, new AssignedAction(a.CommitteeId, a.AgreementId, a.ActionItemId, a.Text, a.WorkstreamId, a.DueDate, a.AssignedOn)],
            },
            ActionItemUpdated u when u.NewDueDate is { } due => current.WithAction(u.ActionItemId, x => x with { DueDate = due }),
            ActionItemCompleted c => current.WithAction(c.ActionItemId, x => x with { Status = ActionItemStatus.Completed, ClosedOn = c.CompletedOn }),
            ActionItemDropped d => current.WithAction(d.ActionItemId, x => x with { Status = ActionItemStatus.Dropped, ClosedOn = d.DroppedOn }),
            _ => state,
        };
    }

    private PersonAssignments WithAction(Guid id, Func<AssignedAction, AssignedAction> change) =>
        this with { ActionItems = [.. ActionItems.Select(a => a.ActionItemId == id ? change(a) : a)] };
}

public sealed partial class PersonAssignmentsProjection : MultiStreamProjection<PersonAssignments, string>
{
    public PersonAssignmentsProjection()
    {
        Identities<ICommitteeEvent>(CommitteeEvents.People);
        this.IncludeEventsOf<ICommitteeEvent>();
    }

    public override PersonAssignments? Evolve(PersonAssignments? snapshot, string id, IEvent e) => PersonAssignments.Fold(snapshot, id, e);
}
