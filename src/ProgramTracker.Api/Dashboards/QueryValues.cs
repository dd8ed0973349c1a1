using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Api.Dashboards;

/// <summary>Reads query-string values for the read side, answering 400 naming the parameter when one is malformed.</summary>
public static class QueryValues
{
    public static bool TryDate(string name, string? raw, out DateOnly? date, out IResult? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrEmpty(raw)) return true;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is >= 1900 and <= 2200)
        {
            date = parsed;
            return true;
        }
        problem = Invalid(name, "date-format", $"'{name}' must be a date such as 2024-06-30.");
        return false;
    }

    /// <summary>Which figures a read shows: the approved ones (the default), or with what waits for sign-off counted too.</summary>
    public static bool TryFigures(string? raw, out SignOff.FiguresBasis basis, out IResult? problem)
    {
        basis = SignOff.FiguresBasis.Approved;
        problem = null;
        if (string.IsNullOrEmpty(raw) || raw == "approved") return true;
        if (raw == "submitted")
        {
            basis = SignOff.FiguresBasis.Submitted;
            return true;
        }
        problem = Invalid("figures", "figures-unknown", "'figures' must be approved or submitted.");
        return false;
    }

    public static bool TryInt(string name, string? raw, int min, int max, out int? value, out IResult? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(raw)) return true;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            value = parsed;
            return true;
        }
        problem = Invalid(name, "range", $"'{name}' must be a whole number between {min} and {max}.");
        return false;
    }

    public static bool TryGuid(string name, string? raw, out Guid? value, out IResult? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(raw)) return true;
        if (Guid.TryParse(raw, out var parsed))
        {
            value = parsed;
            return true;
        }
        problem = Invalid(name, "id-format", $"'{name}' must be an id such as 0195d3a0-0000-7000-8000-000000000001.");
        return false;
    }

    public static IResult Invalid(string name, string rule, string message) =>
        Results.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
            Detail = message,
            Type = "urn:programtracker:problem:invalid-input",
            Extensions = { ["rule"] = rule, ["field"] = name },
        });

    /// <summary>The last moment of <paramref name="date"/> in UTC: "as of a day" includes everything recorded that day.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-10);

    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
