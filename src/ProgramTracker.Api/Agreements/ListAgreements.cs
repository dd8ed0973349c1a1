using ProgramTracker.Api.Common;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public sealed record AgreementPage(IReadOnlyList<AgreementDashboardView> Items, long Total, int Page, int PageSize);

/// <summary>The portfolio: every agreement with its status, validity and progress roll-up, read from the dashboards.</summary>
public static class ListAgreementsEndpoint
{
    public const int MaxPageSize = PortfolioQuery.MaxPageSize;

    [Authorize(Policy = Policies.SignedIn)]
    [Returns<AgreementPage>]
    [WolverineGet("/api/agreements")]
    public static async Task<IResult> Get(string? country, string? party, string? status, string? q, string? page, string? pageSize,
        Reads reads, HttpContext http)
    {
        if (!QueryValues.TryInt("page", page, 1, PortfolioQuery.MaxPage, out var pageNumber, out var problem)) return problem!;
        if (!QueryValues.TryInt("pageSize", pageSize, 1, MaxPageSize, out var size, out problem)) return problem!;
        AgreementStatus? wanted = null;
        if (status is { Length: > 0 } rawStatus)
        {
            if (!Enum.TryParse<AgreementStatus>(rawStatus, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(rawStatus, out _))
                return QueryValues.Invalid("status", "status", "'status' must be one of draft, signed, inForce, expired, closed.");
            wanted = parsed;
        }
        if (q?.Trim().Length > PortfolioQuery.MaxTextLength)
            return QueryValues.Invalid("q", "max-length", $"'q' must be at most {PortfolioQuery.MaxTextLength} characters.");

        var query = new PortfolioQuery(country, party, wanted, q, pageNumber ?? 1, size ?? PortfolioQuery.DefaultPageSize);
        return Results.Ok(await reads.PortfolioAsync(query, (await http.AccessAsync()).VisibleAgreements, http.RequestAborted));
    }
}
