using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Operations;

public static class AuditVerifyEndpoint
{
    /// <summary>
    /// Walks the audit chain and reports the first broken link (200 either way: <c>intact</c> says which).
    /// <c>?anchor=sequence:hash</c> also checks a chain head recorded earlier. Administrators only.
    /// </summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<AuditVerification>]
    [EndpointName("verifyAuditChain")]
    [WolverineGet("/api/admin/audit/verify")]
    public static async Task<IResult> Get(string? anchor, IDocumentStore store, HttpContext http)
    {
        AuditAnchor? parsed = null;
        if (anchor is not null && !AuditAnchor.TryParse(anchor, out parsed))
        {
            return Problems.From(Refusal.Invalid("anchor", "anchor-format",
                "The anchor is sequence:hash, for example 1234:<64 hex digits>, as an earlier verification reported it."));
        }
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(http.RequestAborted);
        return Results.Ok(await AuditVerifier.VerifyAsync(conn, parsed, http.RequestAborted));
    }
}
