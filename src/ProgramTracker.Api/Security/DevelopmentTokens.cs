using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProgramTracker.Api.Security;

/// <summary>
/// Bearer tokens for the development sign-in, so API clients and tests use the same JWT bearer handler as in
/// production. The key comes from ProgramTracker:Authentication:DevSigningKey, else it is random per process
/// (tokens then die with the process).
/// </summary>
public sealed class DevelopmentTokens
{
    public const string Issuer = "programtracker-development";
    public const string Audience = "programtracker-api";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly TimeProvider _clock;

    public DevelopmentTokens(AuthenticationSettings settings, TimeProvider clock)
    {
        _clock = clock;
        var key = string.IsNullOrWhiteSpace(settings.DevSigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes(settings.DevSigningKey));
        SigningKey = new SymmetricSecurityKey(key) { KeyId = "programtracker-development" };
    }

    public SymmetricSecurityKey SigningKey { get; }

    /// <summary>
    /// The tokens a process started with ProgramTracker:Authentication:DevSigningKey=<paramref name="signingKey"/>
    /// accepts: how a tool that starts the app (tests, benchmarks) signs in to it from outside.
    /// </summary>
    public static DevelopmentTokens SignedWith(string signingKey) =>
        new(new AuthenticationSettings { DevSigningKey = signingKey }, TimeProvider.System);

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        NameClaimType = ClaimNames.Name,
        RoleClaimType = ClaimNames.Roles,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    public string Issue(DemoUser user) => Issue(user.Claims());

    public string Issue(IEnumerable<Claim> claims)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}

public sealed class AuthenticationSettings
{
    public const string Section = "ProgramTracker:Authentication";

    /// <summary>The OpenID Connect issuer, e.g. https://id.example.gov/realms/programtracker. Unset: development sign-in.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience API tokens must carry.</summary>
    public string Audience { get; set; } = "programtracker-api";

    /// <summary>The web UI's OIDC client.</summary>
    public string ClientId { get; set; } = "programtracker-web";

    public string? ClientSecret { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Development sign-in only: the secret that signs its bearer tokens, so they survive a restart.</summary>
    public string? DevSigningKey { get; set; }

    /// <summary>
    /// The development sign-in (demo users, tokens for anyone at /dev/token) outside the Development environment:
    /// off unless set, for tests, benchmarks and demonstration installations. Never in Production.
    /// </summary>
    public bool DemoSignIn { get; set; }

    public bool UsesIdentityProvider => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Without an identity provider, whether this environment may offer the demo users.</summary>
    public bool AllowsDemoSignIn(IHostEnvironment environment) =>
        environment.IsDevelopment() || DemoSignIn && !environment.IsProduction();

    public static AuthenticationSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthenticationSettings>() ?? new AuthenticationSettings();
}
