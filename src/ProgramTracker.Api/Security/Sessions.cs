using ProgramTracker.Api.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.Api.Security;

/// <summary>A browser's signed-in session. The cookie names it; while this row exists, the cookie is honoured.</summary>
public sealed class SignedInSession
{
    public string Id { get; set; } = "";
    public string Subject { get; set; } = "";
    public string? PersonId { get; set; }
    public DateTimeOffset SignedInAt { get; set; }
}

/// <summary>
/// Cookie sessions that can be ended. The cookie alone would be honoured until it expired (8 hours, sliding), even
/// after sign-out, by whoever holds a copy. So each sign-in writes a row to the database and puts its id in the
/// cookie; every cookie request checks that the row is still there, on whichever node it lands (one primary-key
/// read, not cached, so an ended session ends everywhere at once). Signing out deletes the row, and so does
/// losing a place: an officer unassigned or a member relieved is signed out of every browser. Bearer tokens are
/// not sessions: they carry their own short expiry.
/// </summary>
public sealed class ServerSideSessions(IDocumentStore store, TimeProvider clock) : CookieAuthenticationEvents
{
    public const string ClaimType = "programtracker_session";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        var ct = context.HttpContext.RequestAborted;
        await using var session = store.LightweightSession();
        // Switching user in the same browser ends the session it had.
        if (context.HttpContext.User.FindFirstValue(ClaimType) is { } previous) session.Delete<SignedInSession>(previous);

        var identity = context.Principal!.Identities.First();
        foreach (var stale in identity.FindAll(ClaimType).ToList()) identity.RemoveClaim(stale);
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        identity.AddClaim(new Claim(ClaimType, id));
        session.Store(new SignedInSession
        {
            Id = id,
            Subject = context.Principal.FindFirstValue(ClaimNames.Subject) ?? "",
            PersonId = ClaimNames.PersonIdOf(context.Principal),
            SignedInAt = clock.GetUtcNow(),
        });
        var culture = context.HttpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture;
        await Notifications.People.Profiles.RecordSignInAsync(session, context.Principal, culture?.TwoLetterISOLanguageName, ct);
        await session.SaveChangesAsync(ct);
        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimType);
        await using var session = store.QuerySession();
        if (id is null || await session.LoadAsync<SignedInSession>(id, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        await base.ValidatePrincipal(context);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(ClaimType) is { } id)
        {
            await using var session = store.LightweightSession();
            session.Delete<SignedInSession>(id);
            await session.SaveChangesAsync(context.HttpContext.RequestAborted);
        }
        await base.SigningOut(context);
    }

    /// <summary>
    /// The sign-in and access-denied redirects stay on this site, as paths: built from the request's Host header
    /// they would send a browser wherever a forged or misrouted Host pointed.
    /// </summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.RedirectUri = PathOnly(context.RedirectUri);
        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.RedirectUri = PathOnly(context.RedirectUri);
        return base.RedirectToAccessDenied(context);
    }

    private static string PathOnly(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : uri;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Ends the sessions of a person who loses a place, in the same transaction as the event that takes it: their
/// access would shrink on the next request anyway, but a browser left signed in elsewhere should not outlive it.
/// </summary>
internal sealed class EndSessionsOfLostPlaces : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var people = session.PendingChanges.Streams().SelectMany(s => s.Events).Select(e => e.Data switch
        {
            ProjectOfficerUnassigned u => u.PersonId,
            MemberRelieved r => r.PersonId,
            _ => null,
        }).OfType<string>().Distinct().ToList();
        foreach (var person in people) session.DeleteWhere<SignedInSession>(s => s.PersonId == person);
        return Task.CompletedTask;
    }
}

public sealed record SessionsEnded(string UserId, int Ended);

public static class EndSessionsEndpoint
{
    /// <summary>
    /// Roles come from the identity provider (or, for demo users, from code), so the app cannot see them change:
    /// after changing a user's roles there, an administrator ends the user's browser sessions here, and the next
    /// sign-in carries the new roles.
    /// </summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<SessionsEnded>]
    [EndpointName("endUserSessions")]
    [WolverinePost("/api/admin/users/{userId}/sessions/end")]
    public static async Task<SessionsEnded> Post(string userId, IDocumentSession session, HttpContext http)
    {
        var ended = await session.Query<SignedInSession>().CountAsync(s => s.Subject == userId, http.RequestAborted);
        session.DeleteWhere<SignedInSession>(s => s.Subject == userId);
        await session.SaveChangesAsync(http.RequestAborted);
        return new SessionsEnded(userId, ended);
    }
}

public static class SessionsConfiguration
{
    public static IServiceCollection AddServerSideSessions(this IServiceCollection services)
    {
        services.AddScoped<ServerSideSessions>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<SignedInSession>().DocumentAlias("signed_in_session").Index(s => s.Subject).Index(s => s.PersonId!);
            options.Listeners.Add(new EndSessionsOfLostPlaces());
        });
        return services;
    }
}
