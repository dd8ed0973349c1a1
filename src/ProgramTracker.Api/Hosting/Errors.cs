using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// Every error is a ProblemDetails. Bad requests the framework detects (unreadable bodies, wrong content types,
/// routes that do not exist) are 4xx; anything else is a 500 that says nothing of the internals.
/// </summary>
public static class Errors
{
    public static WebApplicationBuilder AddProblemDetailsEverywhere(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("exception");
            JsonProblems.Rewrite(context.ProblemDetails);
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToHexString()
                                                           ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }

    public static WebApplication UseProblemDetailsEverywhere(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            var (status, detail) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, bad.Message),
                JsonException json => (StatusCodes.Status400BadRequest, json.Message),
                FormatException format => (StatusCodes.Status400BadRequest, format.Message),
                _ => (0, ""),
            };
            if (status == 0) return false;

            http.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = status, Title = "The request could not be read.", Detail = detail,
                    Type = "urn:programtracker:problem:unreadable-request",
                },
            });
        }
    }
}
