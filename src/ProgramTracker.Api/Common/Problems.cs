using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Api.Common;

public static class Problems
{
    public static IResult From(Refusal refusal) => Results.Problem(ToProblemDetails(refusal));

    public static ProblemDetails ToProblemDetails(Refusal refusal)
    {
        var status = refusal.Kind switch
        {
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] })
        {
            Status = status,
            Title = refusal.Kind switch
            {
                RefusalKind.Conflict => "The change conflicts with the current state.",
                RefusalKind.NotFound => "Not found.",
                RefusalKind.Forbidden => "You may not do this.",
                _ => "The request breaks a rule.",
            },
            Detail = refusal.Message,
            Type = $"urn:programtracker:problem:{refusal.Rule}",
            Extensions = { ["rule"] = refusal.Rule, ["field"] = refusal.Field },
        };
    }

    public static IResult NotFound(string what, Guid id, string field = "id") =>
        From(Refusal.NotFound(field, "not-found", $"No {what} has the id {id}."));

    public static IResult Status(int status, string title, string detail, string rule) => Results.Problem(new ProblemDetails
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = $"urn:programtracker:problem:{rule}",
        Extensions = { ["rule"] = rule },
    });
}
