namespace ProgramTracker.Api.Hosting;

/// <summary>
/// Browser-side defences on every response, error pages included: a Content-Security-Policy that allows only the
/// app's own scripts, styles, fonts and connections (the pages have no inline script or style), no framing, no
/// MIME sniffing, no full URLs in the Referer. HSTS is sent over HTTPS outside Development and Testing.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

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

        app.Use((http, next) =>
        {
            // Set as the response starts: the exception handler clears the headers of a failed response.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-docs") ? ApiReferencePolicy : ContentSecurityPolicy;
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
