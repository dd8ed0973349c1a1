using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ProgramTracker.Api.Common;

/// <summary>
/// Field rules for a command's input, checked before anything is loaded. Collects every broken rule and answers
/// with one 400 <see cref="ValidationProblemDetails"/> that names each field and rule.
/// </summary>
public sealed class InputRules
{
    public const int ShortText = 200;
    public const int LongText = 4000;
    public const int UrlLength = 2000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly List<string> _rules = [];

    public bool Valid => _errors.Count == 0;

    public InputRules Must(bool condition, string field, string rule, string message) =>
        condition ? this : Broken(field, rule, message);

    /// <summary>
    /// The same with a message written as an interpolated string, which is formatted only when the rule is broken:
    /// rules run on every command, and nearly every command keeps them all.
    /// </summary>
    public InputRules Must(bool condition, string field, string rule,
        [InterpolatedStringHandlerArgument(nameof(condition))] ref MessageWhenBroken message) =>
        condition ? this : Broken(field, rule, message.ToStringAndClear());

    private InputRules Broken(string field, string rule, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        _rules.Add($"{field}:{rule}");
        return this;
    }

    public InputRules Required(string field, string? value, int maxLength = ShortText) =>
        Must(!string.IsNullOrWhiteSpace(value), field, "required", $"'{field}' is required.")
            .MaxLength(field, value, maxLength);

    public InputRules MaxLength(string field, string? value, int maxLength = ShortText) =>
        Must(value is null || value.Length <= maxLength, field, "max-length", $"'{field}' must be at most {maxLength} characters.");

    public InputRules Text(string field, LocalizedText? text, bool required = true, int maxLength = ShortText)
    {
        if (text is null || text.IsEmpty)
            return Must(!required, field, "required", $"'{field}' needs a text in at least one of en, vi, lo, th.");
        foreach (var lang in LocalizedText.Languages)
            if (text[lang] is { } value && value.Length > maxLength) MaxLength($"{field}.{lang}", value, maxLength);
        return this;
    }

    public InputRules Url(string field, string? value) =>
        MaxLength(field, value, UrlLength)
            .Must(value is null || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                field, "url", $"'{field}' must be an absolute http(s) link.");

    public InputRules Range(string field, decimal value, decimal min, decimal max) =>
        Must(value >= min && value <= max, field, "range", $"'{field}' must be between {min} and {max}.");

    public InputRules NotEmpty(string field, Guid value) =>
        Must(value != Guid.Empty, field, "required", $"'{field}' is required.");

    public ProblemDetails ToProblem()
    {
        if (Valid) return WolverineContinue.NoProblems;
        return new ValidationProblemDetails(_errors.ToDictionary(x => x.Key, x => x.Value.ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
            Detail = string.Join(" ", _errors.SelectMany(x => x.Value)),
            Type = "urn:programtracker:problem:invalid-input",
            Extensions = { ["rules"] = _rules.ToArray() },
        };
    }
}

/// <summary>
/// A rule's message, formatted only when the rule is broken (as <c>Debug.Assert</c>'s message is): when the condition
/// holds, the compiler skips the appends, and the values in the holes are not even evaluated.
/// </summary>
[InterpolatedStringHandler]
public ref struct MessageWhenBroken
{
    private DefaultInterpolatedStringHandler _message;

    public MessageWhenBroken(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
    {
        _message = condition ? default : new DefaultInterpolatedStringHandler(literalLength, formattedCount);
        shouldAppend = !condition;
    }

    public void AppendLiteral(string value) => _message.AppendLiteral(value);
    public void AppendFormatted<T>(T value) => _message.AppendFormatted(value);
    public void AppendFormatted<T>(T value, string? format) => _message.AppendFormatted(value, format);
    public void AppendFormatted(string? value) => _message.AppendFormatted(value);

    internal string ToStringAndClear() => _message.ToStringAndClear();
}
