using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Money;

public static class GetWorkstreamMoneyEndpoint
{
    [Authorize(Policy = Policies.ReadWorkstream)]
    [Returns<WorkstreamMoneyView>]
    [WolverineGet("/api/workstreams/{id}/money")]
    public static async Task<IResult> Get(Guid id, string? asOf, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var day, out var problem)) return problem!;
        return await reads.WorkstreamMoneyAsync(id, day, http.RequestAborted) is { } view ? Results.Ok(view) : Problems.NotFound("workstream", id);
    }
}

public static class GetAgreementMoneyEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<AgreementMoneyView>]
    [WolverineGet("/api/agreements/{id}/money")]
    public static async Task<IResult> Get(Guid id, string? asOf, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var day, out var problem)) return problem!;
        return await reads.AgreementMoneyAsync(id, day, http.RequestAborted) is { } view ? Results.Ok(view) : Problems.NotFound("agreement", id);
    }
}

/// <summary>Money as it stood when a day ended, folded from the events by the same functions as the inline snapshots.</summary>
public static class MoneyAsOf
{
    public static Task<WorkstreamMoney?> WorkstreamAsync(IQuerySession session, Guid id, DateOnly day, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<WorkstreamMoney>(id, timestamp: QueryValues.EndOf(day), token: ct);

    public static Task<AgreementMoney?> AgreementAsync(IQuerySession session, Guid id, DateOnly day, CancellationToken ct) =>
        session.Events.AggregateStreamAsync<AgreementMoney>(id, timestamp: QueryValues.EndOf(day), token: ct);
}
