using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace ProgramTracker.Api.Security;

/// <summary>
/// Remembers bearer tokens that were found valid, so that a client sending the same token on every request has it
/// parsed, its signature checked and its claims built once, not on every request (about 6% of what a command
/// allocated). A remembered token is taken as valid until it expires, and for at most <see cref="MaxAge"/>, so a
/// signing key the identity provider withdraws stops being honoured within minutes, as the provider's metadata,
/// which the bearer handler itself caches for hours, would allow anyway. A token that failed, that has no expiry,
/// or that is past it is always validated in full, so nothing is accepted that the inner handler would refuse.
/// </summary>
public sealed class ValidatedTokens(TokenHandler inner) : TokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _valid = new(StringComparer.Ordinal);

    public TokenHandler Inner => inner;

    public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out var known))
        {
            if (DateTime.UtcNow < known.Until && ReferenceEquals(known.Parameters, Fingerprint(validationParameters))) return known.Result;
            _valid.TryRemove(token, out _);
        }
        return ValidateAndRememberAsync(token, validationParameters);
    }

    private async Task<TokenValidationResult> ValidateAndRememberAsync(string token, TokenValidationParameters validationParameters)
    {
        var result = await inner.ValidateTokenAsync(token, validationParameters);
        var now = DateTime.UtcNow;
        if (result.IsValid && result.SecurityToken is { ValidTo: var expires } && expires != DateTime.MinValue && expires > now)
        {
            if (_valid.Count >= Capacity) Forget(now);
            var until = expires < now + MaxAge ? expires : now + MaxAge;
            _valid[token] = new Remembered(Task.FromResult(result), until, Fingerprint(validationParameters));
        }
        return result;
    }

    /// <summary>
    /// What the bearer handler validates against that can change while the app runs: the signing keys (the
    /// development key, or the provider's keys, replaced with its configuration). A token remembered under other keys
    /// is validated again.
    /// </summary>
    private static object? Fingerprint(TokenValidationParameters parameters) =>
        (object?)parameters.IssuerSigningKeys ?? (object?)parameters.IssuerSigningKey ?? parameters.ConfigurationManager;

    private void Forget(DateTime now)
    {
        foreach (var (token, remembered) in _valid)
        {
            if (remembered.Until <= now) _valid.TryRemove(token, out _);
        }
        // Still full of live tokens: start again rather than grow without bound.
        if (_valid.Count >= Capacity) _valid.Clear();
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    private sealed record Remembered(Task<TokenValidationResult> Result, DateTime Until, object? Parameters);
}
