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
            // The serializer's own message names .NET types; it is told in plain words, by field and rule.
            var (status, detail, field, rule) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, bad.Message, null, "unreadable-request"),
                JsonException json when JsonProblems.Describe(json.Message) is var (f, r, message) => (StatusCodes.Status400BadRequest, message, f, r),
                FormatException format => (StatusCodes.Status400BadRequest, format.Message, null, "unreadable-request"),
                _ => (0, "", null, ""),
            };
            if (status == 0) return false;

            http.Response.StatusCode = status;
            var problem = new ProblemDetails
            {
                Status = status, Title = "The request could not be read.", Detail = detail,
                Type = $"urn:programtracker:problem:{rule}",
                Extensions = { ["rule"] = rule },
            };
            if (field is not null) problem.Extensions["field"] = field;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = problem });
        }
    }
}
