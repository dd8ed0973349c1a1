using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees.ActionItems;

public sealed record ActionItemView(
    Guid Id,
    Guid CommitteeId,
    string Text,
    string? PersonId,
    string? PersonName,
    Guid? WorkstreamId,
    DateOnly DueDate,
    Guid? MeetingId,
    DateOnly AssignedOn,
    ActionItemStatus Status,
    bool Overdue,
    int? DaysOverdue,
    string? LastNote,
    DateOnly? ClosedOn,
    string? ClosedReason)
{
    /// <summary>Overdue is judged when read, on <paramref name="today"/>, never stored.</summary>
    public static ActionItemView From(Guid committeeId, ActionItem a, DateOnly today) => new(a.Id, committeeId, a.Text, a.PersonId, a.PersonName,
        a.WorkstreamId, a.DueDate, a.MeetingId, a.AssignedOn, a.Status, a.IsOverdue(today),
        a.IsOverdue(today) ? today.DayNumber - a.DueDate.DayNumber : null, a.LastNote, a.ClosedOn, a.ClosedReason);
}

public static class GetActionItemsEndpoint
{
    [Authorize(Policy = Policies.ReadCommittee)]
    [Returns<List<ActionItemView>>(ETag = true)]
    [EndpointName("listActionItems")]
    [WolverineGet("/api/committees/{committeeId}/action-items")]
    public static async Task<IResult> List(Guid committeeId, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        var committee = await session.LoadAsync<Committee>(committeeId, http.RequestAborted);
        if (committee is null) return Problems.NotFound("committee", committeeId);
        var today = clock.Today();
        http.Response.Headers.ETag = ETags.For(committee.Version);
        return Results.Ok(committee.ActionItems.OrderBy(a => a.DueDate).Select(a => ActionItemView.From(committee.Id, a, today)).ToList());
    }

    [Authorize(Policy = Policies.ReadCommittee)]
    [Returns<ActionItemView>(ETag = true)]
    [EndpointName("getActionItem")]
    [WolverineGet("/api/committees/{committeeId}/action-items/{actionItemId}")]
    public static async Task<IResult> Get(Guid committeeId, Guid actionItemId, IQuerySession session, HttpContext http, TimeProvider clock)
    {
        var committee = await session.LoadAsync<Committee>(committeeId, http.RequestAborted);
        if (committee is null) return Problems.NotFound("committee", committeeId);
        if (committee.FindActionItem(actionItemId) is not { } item) return Problems.NotFound("action item", actionItemId, "actionItemId");
        http.Response.Headers.ETag = ETags.For(committee.Version);
        return Results.Ok(ActionItemView.From(committee.Id, item, clock.Today()));
    }
}
