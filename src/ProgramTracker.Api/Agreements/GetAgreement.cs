using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public static class GetAgreementEndpoint
{
    [Authorize(Policy = Policies.ReadAgreement)]
    [Returns<Agreement>(ETag = true)]
    [WolverineGet("/api/agreements/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var agreement = await session.LoadAsync<Agreement>(id, http.RequestAborted);
        if (agreement is null) return Problems.NotFound("agreement", id);
        http.Response.Headers.ETag = ETags.For(agreement.Version);
        return Results.Ok(agreement);
    }
}
