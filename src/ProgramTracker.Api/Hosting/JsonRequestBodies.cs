using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// Requests that send a body to the API must send JSON in UTF-8, and a command, not a bare <c>null</c>. Wolverine
/// reads a body with no content type (or another charset) as UTF-8 JSON anyway, and hands a <c>null</c> body to
/// the endpoint as a null command; both are refused here with a ProblemDetails before any endpoint runs.
/// </summary>
public static class JsonRequestBodies
{
    public static WebApplication UseJsonRequestBodies(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (!request.Path.StartsWithSegments("/api") || !HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method)
                || request.ContentLength == 0 || request.ContentLength is null && !request.Headers.TransferEncoding.Any())
            {
                await next(http);
                return;
            }

            if (!IsUtf8Json(request.ContentType))
            {
                await RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                    "Send the request body as JSON, with the header Content-Type: application/json (UTF-8).");
                return;
            }

            if (await IsBareNullAsync(request))
            {
                await RefuseAsync(http, StatusCodes.Status400BadRequest, "malformed-json", "The request body must be a JSON object, not null.");
                return;
            }
            await next(http);
        });
        return app;
    }

    private static bool IsUtf8Json(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var type = media.MediaType.Value ?? "";
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                   || type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var charset = media.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                                                      || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<bool> IsBareNullAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var buffer = new byte[64];
        var read = 0;
        while (read < buffer.Length && await request.Body.ReadAsync(buffer.AsMemory(read)) is var n and > 0) read += n;
        request.Body.Position = 0;
        return read < buffer.Length && System.Text.Encoding.UTF8.GetString(buffer, 0, read).Trim().TrimStart('\uFEFF') == "null";
    }

    private static Task RefuseAsync(HttpContext http, int status, string rule, string detail)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = "The request could not be read.",
            Detail = detail,
            Type = $"urn:programtracker:problem:{rule}",
            Extensions = { ["rule"] = rule },
        };
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
