using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Workstreams;

/// <summary>Input rules shared by the workstream commands.</summary>
public static class WorkstreamInput
{
    public const int ReasonLength = InputRules.LongText;

    /// <summary>A date a person could mean: JSON accepts year 1, which is always a typing slip here.</summary>
    public static InputRules Date(this InputRules rules, string field, DateOnly? date) =>
        rules.Must(date is not { } d || d.Year is >= 1990 and <= 2200, field, "range", $"'{field}' must be a real date between 1990 and 2200.");

    public static InputRules Reason(this InputRules rules, string? reason, string field = "reason") =>
        rules.Required(field, reason, ReasonLength);
}
