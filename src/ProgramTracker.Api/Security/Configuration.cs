using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.Api.Security;

/// <summary>
/// Who may do what. The API takes bearer tokens; the web UI keeps a cookie session. With an identity provider
/// configured (ProgramTracker:Authentication:Authority) both come from it over OpenID Connect; without one, the
/// development sign-in offers the demo users: in Development, or where ProgramTracker:Authentication:DemoSignIn says
/// so (never in Production); anywhere else the web server refuses to start.
/// </summary>
public static class Configuration
{
    public const string Scheme = "programtracker";
    public const string OpenIdConnectScheme = "oidc";
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var settings = AuthenticationSettings.From(builder.Configuration);
        var services = builder.Services;
        // Refused when the web server starts, so that command-line tools (export, rebuild, audit verify) still run.
        if (!settings.UsesIdentityProvider && !settings.AllowsDemoSignIn(builder.Environment))
            services.AddSingleton<IStartupFilter>(new RefuseDevelopmentSignIn(builder.Environment.EnvironmentName));

        services.AddSingleton(settings);
        services.AddSingleton<DevelopmentTokens>();
        services.AddSingleton<ResourceDirectory>();
        services.AddScoped<AccessResolver>();
        services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessProblems>();
        services.AddAuthorization(Policies.Add);
        services.AddDatabaseDataProtection();
        services.AddServerSideSessions();
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "programtracker.antiforgery";
        });

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            // A request that carries a bearer token is an API client, one that brings an API key to the OData feed is a
            // spreadsheet or BI tool; anything else is the browser's cookie session.
            .AddPolicyScheme(Scheme, "ProgramTracker", options => options.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : Feeds.OData.ApiKeyAuthentication.Presented(http)
                        ? Feeds.OData.ApiKeyAuthentication.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "programtracker.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/sign-in";
                options.AccessDeniedPath = "/access-denied";
                // Signing out, or losing a place, ends the session on every node (Security/Sessions.cs).
                options.EventsType = typeof(ServerSideSessions);
                if (settings.UsesIdentityProvider) options.ForwardChallenge = OpenIdConnectScheme;
            })
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                // Nothing reads the bearer token back from the request's authentication properties.
                options.SaveToken = false;
                // API clients send the same token on every request: it is validated once (see ValidatedTokens).
                for (var i = 0; i < options.TokenHandlers.Count; i++) options.TokenHandlers[i] = new ValidatedTokens(options.TokenHandlers[i]);
                if (settings.UsesIdentityProvider)
                {
                    options.Authority = settings.Authority;
                    options.Audience = settings.Audience;
                    options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                    options.TokenValidationParameters.NameClaimType = ClaimNames.Name;
                    options.TokenValidationParameters.RoleClaimType = ClaimNames.Roles;
                }
            });
        if (settings.UsesIdentityProvider)
        {
            authentication.AddOpenIdConnect(OpenIdConnectScheme, options =>
            {
                options.Authority = settings.Authority;
                options.ClientId = settings.ClientId;
                options.ClientSecret = settings.ClientSecret;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.SaveTokens = false;
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.TokenValidationParameters.NameClaimType = ClaimNames.Name;
                options.TokenValidationParameters.RoleClaimType = ClaimNames.Roles;
                options.ClaimActions.MapUniqueJsonKey(ClaimNames.PersonId, ClaimNames.PersonId);
                options.ClaimActions.MapJsonKey(ClaimNames.Roles, ClaimNames.Roles);
                options.ClaimActions.MapJsonKey(ClaimNames.Agreements, ClaimNames.Agreements);
                // Sign-out at the provider names the client: without client_id (or an id_token_hint, which would mean
                // keeping the tokens in the cookie) providers drop post_logout_redirect_uri and leave people on their page.
                options.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.ClientId = settings.ClientId;
                    return Task.CompletedTask;
                };
            });
        }
        else
        {
            // The development tokens' key is only known once the container is built.
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<DevelopmentTokens>((options, tokens) => options.TokenValidationParameters = tokens.ValidationParameters());
            services.AddSingleton<ISampleData, DemoUsersSampleData>();
        }
        return builder;
    }

    /// <summary>
    /// Authorisation, then the antiforgery check of cookie sessions' API changes. Authentication runs earlier, before
    /// the rate limiter, so that the limiter counts each signed-in user on their own.
    /// </summary>
    public static WebApplication UseAccessControl(this WebApplication app)
    {
        app.UseAuthorization();
        app.UseCookieApiAntiforgery();
        return app;
    }

    /// <summary>The sign-out endpoint, and in development the token endpoint for API clients and tests.</summary>
    public static WebApplication MapSecurity(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AuthenticationSettings>();
        app.MapPost("/sign-out", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return AntiforgeryRefused();
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (settings.UsesIdentityProvider)
            {
                await http.SignOutAsync(OpenIdConnectScheme, new AuthenticationProperties { RedirectUri = "/" });
                return Results.Empty;
            }
            return Results.LocalRedirect("/sign-in");
        }).RequireAuthorization(policy => policy.RequireAuthenticatedUser()).ExcludeFromDescription();

        if (!settings.UsesIdentityProvider)
        {
            app.MapPost("/dev/token", (string? user, DevelopmentTokens tokens) =>
                DemoUsers.Find(user) is { } demo
                    ? Results.Ok(new DevelopmentToken(tokens.Issue(demo), "Bearer", (int)DevelopmentTokens.Lifetime.TotalSeconds))
                    : Problems.Status(StatusCodes.Status400BadRequest, "Unknown demo user.",
                        $"'user' must be one of {string.Join(", ", DemoUsers.All.Select(u => u.Key))}.", "unknown-demo-user"))
                .AllowAnonymous().WithTags("Development sign-in");
        }
        return app;
    }

    /// <summary>
    /// The web UI calls the API with its cookie session; a cookie is sent by the browser whoever asks, so a
    /// changing API call made with one must also carry the page's antiforgery token.
    /// </summary>
    private static void UseCookieApiAntiforgery(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && http.User.Identity?.IsAuthenticated == true
            && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await AntiforgeryRefused().ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    private static IResult AntiforgeryRefused() =>
        Problems.Status(StatusCodes.Status400BadRequest, "The request's antiforgery token is missing or wrong.",
            $"A change made with the web session must carry the page's antiforgery token (the '{AntiforgeryHeader}' header, " +
            "or the form's __RequestVerificationToken field). Reload the page and try again.",
            "antiforgery");
}

internal sealed class RefuseDevelopmentSignIn(string environment) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
        throw new InvalidOperationException(
            $"No identity provider is configured, and the development sign-in is refused in the '{environment}' environment: " +
            "it would let anyone sign in as any demo user, administrator included. Set ProgramTracker:Authentication:Authority " +
            "(and Audience, ClientId, ClientSecret) to your OpenID Connect provider. For a test or demonstration installation " +
            "outside Production only, set ProgramTracker:Authentication:DemoSignIn=true to offer the demo users.");
}

public sealed record DevelopmentToken(string AccessToken, string TokenType, int ExpiresIn);
