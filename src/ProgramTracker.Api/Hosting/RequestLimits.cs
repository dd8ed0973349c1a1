using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// No command needs more than a few kilobytes, so a request body to the API larger than
/// ProgramTracker:Requests:MaxBodyBytes (256 KiB) is refused with a 413 ProblemDetails before anything reads it.
/// A body sent without a length (chunked) is read up to the limit first, so it gets the same answer instead of a
/// reset connection halfway through a command.
/// </summary>
public static class RequestLimits
{
    public const long DefaultMaxBodyBytes = 256 * 1024;

    public static long MaxBodyBytes(IConfiguration configuration) =>
        configuration.GetValue("ProgramTracker:Requests:MaxBodyBytes", DefaultMaxBodyBytes);

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var max = MaxBodyBytes(app.Configuration);
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api"))
            {
                await next(http);
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max;
            var request = http.Request;
            if (request.ContentLength > max
                || request.ContentLength is null && request.Headers.TransferEncoding.Count > 0 && await LongerThanAsync(request, max))
            {
                await RefuseAsync(http, max);
                return;
            }
            await next(http);
        });
        return app;
    }

    private static async Task<bool> LongerThanAsync(HttpRequest request, long max)
    {
        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(), request.HttpContext.RequestAborted)) > 0)
            {
                total += read;
                if (total > max) return true;
            }
            request.Body.Position = 0;
            return false;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel enforces the same limit (set above) and may stop the read first.
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task RefuseAsync(HttpContext http, long max)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request is too large.",
            Detail = $"The request body must be at most {max / 1024} KiB.",
            Type = "urn:programtracker:problem:max-body-size",
            Extensions = { ["rule"] = "max-body-size", ["field"] = "$", ["maxBytes"] = max },
        };
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
