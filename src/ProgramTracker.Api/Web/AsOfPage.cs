using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.Api.Web;

/// <summary>
/// What the agreement's, the workstream's and the committee's pages share: a past day to show them as they stood
/// (?asOf=; today or later is today) and how that day is read (?basis=), each said back next to the picker when it
/// cannot be read, with a 400 for the page.
/// </summary>
public abstract class AsOfPageModel(AsOfBasis defaultBasis) : PageModel
{
    public DateOnly Today { get; private set; }

    /// <summary>Set, the page shows what it shows as it stood when that day ended, and offers no forms.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    /// <summary>How a past day is read (<see cref="AsOfBasis"/>); null for the page's own default.</summary>
    [BindProperty(SupportsGet = true)] public AsOfBasis? Basis { get; set; }

    /// <summary>The text of an ?asOf= that is not a date, to say so next to the picker instead of ignoring it.</summary>
    public string? UnreadableAsOf { get; private set; }

    /// <summary>The text of a ?basis= that is neither basis, to say so next to the picker.</summary>
    public string? UnreadableBasis { get; private set; }

    protected AsOfBasis BasisOrDefault => Basis ?? defaultBasis;

    /// <summary>What the <c>_AsOf</c> picker shows.</summary>
    public (DateOnly? AsOf, DateOnly Today, string? Unreadable, AsOfBasis Basis, string? UnreadableBasis) Picker =>
        (AsOf, Today, UnreadableAsOf, BasisOrDefault, UnreadableBasis);

    /// <summary>Reads the query's day and basis against <paramref name="today"/>.</summary>
    protected void ReadAsOf(DateOnly today)
    {
        Today = today;
        if (AsOf >= Today) AsOf = null;
        UnreadableAsOf = this.UnreadableQueryValue(nameof(AsOf));
        UnreadableBasis = this.UnreadableQueryValue(nameof(Basis));
    }

    /// <summary>The page, answered with a 400 when the query's day or basis could not be read.</summary>
    protected IActionResult ShowPage()
    {
        if (UnreadableAsOf is not null || UnreadableBasis is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
