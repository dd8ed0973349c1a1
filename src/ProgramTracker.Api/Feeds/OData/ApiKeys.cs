using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Feeds.OData;

/// <summary>
/// A key for one user's spreadsheet or BI tool, which cannot sign in with the identity provider: it reads the OData
/// feed as that user, nothing else. Only the SHA-256 of the key is kept; the key itself is shown once.
/// </summary>
public sealed record ApiKey(
    Guid Id,
    string Hash,
    string Name,
    string Role,
    string? PersonId,
    IReadOnlyList<Guid> Agreements,
    string? Label,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public const string Prefix = "ptk";

    public static (ApiKey Key, string Secret) Create(CreateApiKey command, DateTimeOffset now, string createdBy)
    {
        var id = Guid.NewGuid();
        var secret = $"{Prefix}_{id:N}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        return (new ApiKey(id, HashOf(secret), command.Name.Trim(), command.Role, command.PersonId, command.Agreements ?? [],
            command.Label, now, createdBy), secret);
    }

    /// <summary>The key's id, read from the key itself so that it is found without searching by hash.</summary>
    public static Guid? IdOf(string secret)
    {
        var parts = secret.Split('_');
        return parts.Length == 3 && parts[0] == Prefix && Guid.TryParseExact(parts[1], "N", out var id) ? id : null;
    }

    public bool Matches(string secret) =>
        RevokedAt is null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(HashOf(secret)));

    public IEnumerable<Claim> Claims()
    {
        yield return new Claim(ClaimNames.Subject, PersonId ?? $"api-key:{Id}");
        yield return new Claim(ClaimNames.Name, Name);
        yield return new Claim(ClaimNames.Roles, Role);
        if (PersonId is not null) yield return new Claim(ClaimNames.PersonId, PersonId);
        foreach (var agreement in Agreements) yield return new Claim(ClaimNames.Agreements, agreement.ToString());
    }

    private static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Reads the key from <c>X-Api-Key</c>, or from a Basic header's password (what Excel and Power BI send).</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDocumentStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "api-key";
    public const string Header = "X-Api-Key";

    /// <summary>Keys are for the feed only: anywhere else a Basic header or X-Api-Key is not a way in.</summary>
    public static bool Presented(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/" + Configuration.Route)
        && (http.Request.Headers.ContainsKey(Header)
            || http.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Request.Headers[Header].ToString() is { Length: > 0 } header ? header : BasicPassword();
        if (secret is null || ApiKey.IdOf(secret) is not { } id) return AuthenticateResult.Fail("No API key.");

        await using var session = store.QuerySession();
        var key = await session.LoadAsync<ApiKey>(id, Context.RequestAborted);
        if (key is null || !key.Matches(secret)) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var principal = new ClaimsPrincipal(new ClaimsIdentity(key.Claims(), SchemeName, ClaimNames.Name, ClaimNames.Roles));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private string? BasicPassword()
    {
        var value = Request.Headers.Authorization.ToString();
        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..].Trim()));
            var colon = text.IndexOf(':');
            return colon < 0 ? null : text[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public sealed record CreateApiKey(string Name, string Role, string? PersonId = null, IReadOnlyList<Guid>? Agreements = null, string? Label = null);

/// <summary>What an administrator sees of a key; <see cref="Key"/> only in the answer that created it.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Role, string? PersonId, IReadOnlyList<Guid> Agreements, string? Label,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? Key = null)
{
    public static ApiKeyView Of(ApiKey k, string? secret = null) =>
        new(k.Id, k.Name, k.Role, k.PersonId, k.Agreements, k.Label, k.CreatedAt, k.CreatedBy, k.RevokedAt, secret);
}

public static class CreateApiKeyEndpoint
{
    public static ProblemDetails Validate(CreateApiKey command) => new InputRules()
        .Required("name", command.Name)
        .Must(Roles.All.Contains(command.Role), "role", "unknown-role", $"'role' must be one of {string.Join(", ", Roles.All)}.")
        .MaxLength("personId", command.PersonId)
        .MaxLength("label", command.Label)
        .Must(command.Agreements is null || command.Agreements.Count <= 500, "agreements", "max-agreements", "'agreements' may list at most 500 ids.")
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [ProducesResponseType<ApiKeyView>(StatusCodes.Status201Created)]
    [EndpointName("createApiKey")]
    [WolverinePost("/api/admin/api-keys")]
    public static async Task<IResult> Post(CreateApiKey command, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var (key, secret) = ApiKey.Create(command, clock.GetUtcNow(), http.User.FindFirstValue(ClaimNames.Subject) ?? "unknown");
        session.Store(key);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Created($"/api/admin/api-keys/{key.Id}", ApiKeyView.Of(key, secret));
    }
}

public static class ApiKeysEndpoints
{
    [Authorize(Policy = Policies.Administrator)]
    [Returns<IReadOnlyList<ApiKeyView>>]
    [EndpointName("listApiKeys")]
    [WolverineGet("/api/admin/api-keys")]
    public static async Task<IReadOnlyList<ApiKeyView>> Get(IQuerySession session, HttpContext http) =>
        [.. (await session.Query<ApiKey>().OrderBy(k => k.CreatedAt).ToListAsync(http.RequestAborted)).Select(k => ApiKeyView.Of(k))];

    [Authorize(Policy = Policies.Administrator)]
    [Returns<ApiKeyView>]
    [EndpointName("revokeApiKey")]
    [WolverineDelete("/api/admin/api-keys/{id}")]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var key = await session.LoadAsync<ApiKey>(id, http.RequestAborted);
        if (key is null) return Problems.NotFound("API key", id);
        if (key.RevokedAt is null)
        {
            key = key with { RevokedAt = clock.GetUtcNow(), RevokedBy = http.User.FindFirstValue(ClaimNames.Subject) };
            session.Store(key);
            await session.SaveChangesAsync(http.RequestAborted);
        }
        // The key as it now stands (revoked, by whom and when), never its secret.
        return Results.Ok(ApiKeyView.Of(key));
    }
}
