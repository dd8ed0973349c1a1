using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProgramTracker.IntegrationTests.Security;

/// <summary>
/// The two documents an OpenID Connect provider publishes (discovery and its signing keys), served on a
/// 127.0.0.1 port, and RS256 tokens signed the way Keycloak signs them: enough for the app's JWT bearer and OIDC
/// handlers to run exactly as they do against a real provider.
/// </summary>
public sealed class StubIdentityProvider : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private WebApplication? _app;

    public string Issuer { get; private set; } = "";
    private RsaSecurityKey SigningKey => new(_rsa) { KeyId = "stub-signing-key" };

    public static async Task<StubIdentityProvider> StartAsync()
    {
        var provider = new StubIdentityProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["jwks_uri"] = $"{provider.Issuer}/keys",
            ["authorization_endpoint"] = $"{provider.Issuer}/authorize",
            ["token_endpoint"] = $"{provider.Issuer}/token",
            ["end_session_endpoint"] = $"{provider.Issuer}/logout",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys", () =>
        {
            var key = provider._rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = "stub-signing-key", n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
                },
            });
        });
        await app.StartAsync();
        provider._app = app;
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    public string Issue(IEnumerable<Claim> claims, string audience = "programtracker-api", RSA? signedWith = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(
                signedWith is null ? SigningKey : new RsaSecurityKey(signedWith) { KeyId = "stub-signing-key" }, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
