using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Dashboards;

public sealed record StaleWorkstream(Guid WorkstreamId, Guid AgreementId, string Code, LocalizedText Title, DateTimeOffset LastUpdatedAt,
    int DaysSinceUpdate, decimal PercentComplete, Rag? Rag, int OverdueCount);

public static class StaleWorkstreamsEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [Returns<List<StaleWorkstream>>]
    [WolverineGet("/api/workstreams/stale")]
    public static async Task<IResult> Get(string? days, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryInt("days", days, 0, 36_500, out var parsed, out var problem)) return problem!;
        return Results.Ok(await reads.StaleAsync(parsed, (await http.AccessAsync()).VisibleAgreements, http.RequestAborted));
    }
}
