using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProgramTracker.Api.Security;

namespace ProgramTracker.UnitTests;

public class when_a_bearer_token_is_validated
{
    private static readonly DevelopmentTokens Tokens = DevelopmentTokens.SignedWith("unit-test-key");

    private sealed class Counting : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
        public int Validations;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters parameters)
        {
            Interlocked.Increment(ref Validations);
            return _handler.ValidateTokenAsync(token, parameters);
        }
    }

    private static string Token(TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokens.Issuer,
            Audience = DevelopmentTokens.Audience,
            Subject = new ClaimsIdentity(DemoUsers.Officer.Claims()),
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(Tokens.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task a_valid_token_sent_again_is_not_validated_again_and_carries_the_same_claims()
    {
        var inner = new Counting();
        var tokens = new ValidatedTokens(inner);
        var token = Token();

        var first = await tokens.ValidateTokenAsync(token, Tokens.ValidationParameters());
        var second = await tokens.ValidateTokenAsync(token, Tokens.ValidationParameters());

        first.IsValid.ShouldBeTrue();
        second.IsValid.ShouldBeTrue();
        inner.Validations.ShouldBe(1);
        second.ClaimsIdentity.FindFirst(ClaimNames.PersonId)!.Value.ShouldBe(DemoUsers.Officer.PersonId);
    }

    [Fact]
    public async Task a_refused_token_is_validated_in_full_every_time()
    {
        var inner = new Counting();
        var tokens = new ValidatedTokens(inner);
        var forged = Token()[..^4] + "AAAA";

        (await tokens.ValidateTokenAsync(forged, Tokens.ValidationParameters())).IsValid.ShouldBeFalse();
        (await tokens.ValidateTokenAsync(forged, Tokens.ValidationParameters())).IsValid.ShouldBeFalse();
        inner.Validations.ShouldBe(2);
    }

    [Fact]
    public async Task a_token_is_validated_again_under_other_signing_keys()
    {
        var inner = new Counting();
        var tokens = new ValidatedTokens(inner);
        var token = Token();
        (await tokens.ValidateTokenAsync(token, Tokens.ValidationParameters())).IsValid.ShouldBeTrue();

        var otherKey = DevelopmentTokens.SignedWith("another-key").ValidationParameters();
        (await tokens.ValidateTokenAsync(token, otherKey)).IsValid.ShouldBeFalse();
        inner.Validations.ShouldBe(2);
    }

    [Fact]
    public async Task a_token_is_not_taken_as_valid_past_its_expiry()
    {
        var inner = new Counting();
        var tokens = new ValidatedTokens(inner);
        var parameters = Tokens.ValidationParameters();
        parameters.ClockSkew = TimeSpan.Zero;
        // JWT expiry is in whole seconds: two seconds leave at least one of life.
        var token = Token(TimeSpan.FromSeconds(2));
        (await tokens.ValidateTokenAsync(token, parameters)).IsValid.ShouldBeTrue();

        await Task.Delay(TimeSpan.FromSeconds(3));

        (await tokens.ValidateTokenAsync(token, parameters)).IsValid.ShouldBeFalse();
        inner.Validations.ShouldBe(2);
    }
}
