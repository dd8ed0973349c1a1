using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// Rewrites the framework's "Invalid JSON format" problem into one that names the field and the rule, in plain
/// words and without .NET type names.
/// </summary>
public static partial class JsonProblems
{
    public static void Rewrite(ProblemDetails problem)
    {
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Title != "Invalid JSON format") return;

        var detail = problem.Detail ?? "";
        var (field, rule, message) = Describe(detail);
        problem.Title = "The request body is not valid.";
        problem.Type = $"urn:programtracker:problem:{rule}";
        problem.Detail = message;
        problem.Extensions["rule"] = rule;
        problem.Extensions["field"] = field;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
    }

    public static (string Field, string Rule, string Message) Describe(string detail)
    {
        if (UnknownMember().Match(detail) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            return (Join(PathOf(detail), name), "unknown-member", $"'{name}' is not a field of this request.");
        }
        if (MissingRequired().Match(detail) is { Success: true } missing)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(missing.Groups["name"].Value);
            return (Join(PathOf(detail), name), "required", $"'{name}' is required.");
        }
        if (NotNull().Match(detail) is { Success: true } notNull)
        {
            // The serializer names the constructor parameter (Reason), not the JSON member (reason).
            var name = JsonNamingPolicy.CamelCase.ConvertName(notNull.Groups["name"].Value);
            return (Join(PathOf(detail), name), "required", $"'{name}' is required and cannot be null.");
        }

        var path = PathOf(detail);
        if (detail.Contains("converted to System.DateOnly"))
            return (path, "date-format", $"'{path}' must be a calendar date written YYYY-MM-DD, such as 2024-06-30.");
        if (detail.Contains("could not be converted"))
        {
            return (path, "type", path == "$"
                ? "The request body is not the expected JSON object."
                : $"'{path}' has a value of the wrong type or format.");
        }
        if (detail.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
            return (path, "max-depth", "The JSON is nested too deeply.");
        return (path, "malformed-json", "The request body is not well-formed JSON.");
    }

    private static string PathOf(string detail)
    {
        var m = JsonPath().Match(detail);
        if (!m.Success) return "$";
        var path = m.Groups["path"].Value.TrimStart('$').TrimStart('.');
        return path.Length == 0 ? "$" : path;
    }

    private static string Join(string parent, string name) =>
        parent == "$" ? name : parent == name || parent.EndsWith($".{name}") ? parent : $"{parent}.{name}";


    [GeneratedRegex(@"The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties including: '(?<name>[^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"parameter '(?<name>[^']+)' on type '[^']+' doesn't allow null|property or field '(?<name>[^']+)' on type '[^']+' doesn't allow")]
    private static partial Regex NotNull();

    [GeneratedRegex(@"Path: (?<path>\$[^ |]*)")]
    private static partial Regex JsonPath();
}
