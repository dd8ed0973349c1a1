using System.Globalization;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Committees;

public static class AsOfDate
{
    /// <summary>Reads an <c>?asOf=2024-03-01</c> query value; answers a 400 naming the field when it is not a date.</summary>
    public static bool TryRead(string? raw, out DateOnly? date, out IResult? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        problem = Results.Problem(new InputRules().Must(false, "asOf", "date", "'asOf' must be a date such as 2024-03-01.").ToProblem());
        return false;
    }
}
