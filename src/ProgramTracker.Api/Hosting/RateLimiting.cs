using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// A token bucket per user: one for writes to the API, a larger one for everything else read through the app.
/// Signed-in users are told apart by their id, anonymous callers by their address. Health checks and static files
/// are never limited. A refusal is a 429 ProblemDetails with Retry-After. Settings: ProgramTracker:RateLimiting.
/// </summary>
public static class RateLimiting
{
    public sealed record Settings(bool Enabled = true, int WritesPerMinute = 300, int ReadsPerMinute = 1200);

    public static Settings Read(IConfiguration configuration) =>
        configuration.GetSection("ProgramTracker:RateLimiting").Get<Settings>() ?? new Settings();

    public static WebApplicationBuilder AddRateLimiting(this WebApplicationBuilder builder)
    {
        var settings = Read(builder.Configuration);
        if (!settings.Enabled) return builder;

        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (http.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("health");
                var write = IsApiWrite(http.Request);
                return RateLimitPartition.GetTokenBucketLimiter($"{(write ? "write" : "read")}:{Caller(http)}",
                    _ => Bucket(write ? settings.WritesPerMinute : settings.ReadsPerMinute));
            });
            options.OnRejected = RefuseAsync;
        });
        return builder;
    }

    /// <summary>Place after authentication, so that signed-in users are counted by who they are.</summary>
    public static WebApplication UseRateLimiting(this WebApplication app)
    {
        if (Read(app.Configuration).Enabled) app.UseRateLimiter();
        return app;
    }

    private static string Caller(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? $"user:{Actor.From(http.User).Id}"
            : $"ip:{http.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    private static bool IsApiWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && !HttpMethods.IsOptions(request.Method);

    /// <summary>
    /// A full minute's allowance may be spent at once; it refills evenly, in whole tokens, over the minute.
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        perMinute = Math.Max(1, perMinute);
        var (period, tokens) = perMinute >= 60
            ? (TimeSpan.FromSeconds(1), (int)Math.Ceiling(perMinute / 60.0))
            : (TimeSpan.FromSeconds(60.0 / perMinute), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"You have sent too many requests in a short time. Try again in {seconds} s.",
                Type = "urn:programtracker:problem:rate-limited",
                Extensions = { ["rule"] = "rate-limited", ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
