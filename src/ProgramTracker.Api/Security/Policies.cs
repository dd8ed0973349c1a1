using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Security;

public enum ResourceKind
{
    Agreement,
    Workstream,
    Committee,
}

public enum Permission
{
    Read,
    Record,
    Act,
}

/// <summary>
/// The authorisation policies every endpoint and page names. An endpoint that names none falls back to
/// <see cref="Administrator"/>: deny by default.
/// </summary>
public static class Policies
{
    /// <summary>Any user with a ProgramTracker role; the endpoint itself filters what it lists by <see cref="Access"/>.</summary>
    public const string SignedIn = "signed-in";

    public const string Administrator = "administrator";
    public const string ReadAgreement = "agreement:read";
    public const string ReadWorkstream = "workstream:read";
    public const string RecordOnWorkstream = "workstream:record";
    public const string ReadCommittee = "committee:read";
    public const string ActOnCommittee = "committee:act";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        options.AddPolicy(ReadAgreement, p => p.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(ResourceKind.Agreement, Permission.Read)));
        options.AddPolicy(ReadWorkstream, p => p.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(ResourceKind.Workstream, Permission.Read)));
        options.AddPolicy(RecordOnWorkstream, p => p.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(ResourceKind.Workstream, Permission.Record)));
        options.AddPolicy(ReadCommittee, p => p.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(ResourceKind.Committee, Permission.Read)));
        options.AddPolicy(ActOnCommittee, p => p.RequireAuthenticatedUser().AddRequirements(new AccessRequirement(ResourceKind.Committee, Permission.Act)));
        options.DefaultPolicy = options.GetPolicy(SignedIn)!;
        options.FallbackPolicy = options.GetPolicy(Administrator)!;
    }
}

/// <summary>A permission on the agreement, workstream or committee named by the request's route.</summary>
public sealed record AccessRequirement(ResourceKind Resource, Permission Permission) : IAuthorizationRequirement;

/// <summary>
/// Checks an <see cref="AccessRequirement"/> against the route's id. A user who may not read the agreement at all
/// is told it does not exist (404): its existence is itself information. One who may read but not change it is
/// told why (403).
/// </summary>
public sealed class AccessHandler(ResourceDirectory directory) : AuthorizationHandler<AccessRequirement>
{
    public const string NotVisible = "not-visible";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http) return;
        var access = await http.AccessAsync();
        if (access.IsAdministrator)
        {
            context.Succeed(requirement);
            return;
        }

        var id = RouteId(http, requirement.Resource);
        var agreement = id is { } value ? await directory.AgreementOfAsync(requirement.Resource, value, http.RequestAborted) : null;
        if (agreement is not { } agreementId || !access.CanRead(agreementId))
        {
            context.Fail(new AuthorizationFailureReason(this, NotVisible));
            return;
        }

        var allowed = requirement.Permission switch
        {
            Permission.Read => true,
            Permission.Record => access.CanRecordOn(id!.Value),
            _ => access.CanActOn(id!.Value),
        };
        if (allowed) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, requirement.Permission == Permission.Record
            ? "Only the workstream's project officers (and administrators) may record on it."
            : "Only the committee's members (and administrators) may act for it."));
    }

    /// <summary>Routes name the resource's id after it (workstreamId) or, on its own resource, plain id.</summary>
    private static Guid? RouteId(HttpContext http, ResourceKind kind)
    {
        var raw = http.GetRouteValue(kind.ToString().ToLowerInvariant() + "Id") ?? http.GetRouteValue("id");
        return raw switch
        {
            Guid guid => guid,
            string text when Guid.TryParse(text, out var parsed) => parsed,
            _ => null,
        };
    }
}

/// <summary>
/// Refusals as ProblemDetails for the API (401 with a Bearer challenge, 403 saying why, 404 for what the user may
/// not see); the web UI keeps the cookie's sign-in and access-denied pages, except for what the user may not see:
/// a page of it shows the not-found page, and its CSV and live feed answer 404, as the API does. A signed-in
/// user's request that reached no endpoint (an unknown route) or only the router's own refusal (wrong method,
/// wrong content type) is not an access question: it goes on to its 404, 405 or 415. Anonymous ones are still
/// asked to sign in first, whatever they ask for.
/// </summary>
public sealed class AccessProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _pages = new();
    private Endpoint? _notFoundPage;

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Succeeded && !result.Challenged && http.GetEndpoint() is not RouteEndpoint)
        {
            await next(http);
            return;
        }

        var notVisible = result.AuthorizationFailure?.FailureReasons.Any(r => r.Message == AccessHandler.NotVisible) == true;
        if (notVisible && !http.Request.Path.StartsWithSegments("/api"))
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
                && NotFoundPage(http) is { } page)
            {
                http.SetEndpoint(page);
                http.Request.RouteValues = new RouteValueDictionary { ["page"] = "/Account/NotFound" };
                await next(http);
                return;
            }
            await NotFound().ExecuteAsync(http);
            return;
        }

        var feed = http.Request.Path.StartsWithSegments("/odata");
        if (result.Succeeded || !(http.Request.Path.StartsWithSegments("/api") || feed))
        {
            await _pages.HandleAsync(next, http, policy, result);
            return;
        }

        var problem = result.Challenged
            ? Problems.Status(StatusCodes.Status401Unauthorized, "Sign in first.",
                feed
                    ? "This feed needs a bearer token, or an API key from an administrator (as the Basic password or the X-Api-Key header)."
                    : "This API needs a bearer token: sign in with the identity provider (or, in development, POST /dev/token?user=officer).",
                "unauthenticated")
            : notVisible
                ? NotFound()
                : Problems.Status(StatusCodes.Status403Forbidden, "You may not do this.",
                    result.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message
                    ?? "Your role does not allow this. Ask an administrator for access.", "forbidden");
        // Excel and Power BI ask for a user name and password when the feed offers Basic: the password is an API key.
        if (result.Challenged) http.Response.Headers.WWWAuthenticate = feed ? "Basic realm=\"ProgramTracker\", Bearer" : "Bearer";
        await problem.ExecuteAsync(http);
    }

    private static IResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Not found.", "Nothing with this id exists that you may see.", "not-found");

    private Endpoint? NotFoundPage(HttpContext http) =>
        _notFoundPage ??= http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .FirstOrDefault(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath == "/Account/NotFound");
}
