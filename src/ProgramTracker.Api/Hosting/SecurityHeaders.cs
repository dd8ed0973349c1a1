namespace ProgramTracker.Api.Hosting;

/// <summary>
/// Browser-side defences on every response, error pages included: a Content-Security-Policy that allows only the
/// app's own scripts, styles, fonts and connections (the pages have no inline script or style), no framing, no
/// MIME sniffing, no full URLs in the Referer. HSTS is sent over HTTPS outside Development and Testing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Browsers check form-action along the redirects a form post leads to, so signing in and out (a post that
    /// ends at the identity provider) needs its public origin: ProgramTracker:SecurityHeaders:FormActionOrigins
    /// (space-separated), by default the origin of ProgramTracker:Authentication:Authority.
    /// </summary>
    public static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var origins = configuration["ProgramTracker:SecurityHeaders:FormActionOrigins"]
                      ?? (Uri.TryCreate(configuration["ProgramTracker:Authentication:Authority"], UriKind.Absolute, out var authority)
                          ? authority.GetLeftPart(UriPartial.Authority)
                          : "");
        var formAction = string.Join(' ', new[] { "'self'" }.Concat(origins.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
               $"form-action {formAction}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    // The API reference page (Scalar) runs an inline bootstrap script; it holds no data and may not be framed.
    private const string ApiReferencePolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")) app.UseHsts();

        var policy = ContentSecurityPolicy(app.Configuration);
        app.Use((http, next) =>
        {
            // Set as the response starts: the exception handler clears the headers of a failed response.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-docs") ? ApiReferencePolicy : policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
