using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.Api.Web;

/// <summary>
/// What the agreement's and the workstream's history pages share: the From/To window and the basis from the query,
/// each said back next to its field when it cannot be read, and the audit read itself.
/// </summary>
public abstract class HistoryPageModel : PageModel
{
    public AuditView Audit { get; private set; } = null!;
    public DateOnly Today { get; protected set; }

    /// <summary>The text of a ?from= or ?to= that is not a date, to say so next to the dates instead of ignoring it.</summary>
    public string? UnreadableDate { get; private set; }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>How the changes between the two days are counted (<see cref="AsOfBasis"/>): as recorded (the default) or by the dates on the events.</summary>
    [BindProperty(SupportsGet = true)] public AsOfBasis? Basis { get; set; }

    /// <summary>The text of a ?basis= that is neither basis, to say so next to the choice.</summary>
    public string? UnreadableBasis { get; private set; }

    protected AsOfBasis BasisOrDefault => Basis ?? AsOfBasis.Recorded;

    /// <summary>The page for <paramref name="audit"/>, or the not-found page when there is nothing of that id.</summary>
    protected IActionResult Show(AuditView? audit)
    {
        if (audit is null) return this.NotFoundPage();
        Audit = audit;
        UnreadableDate = this.UnreadableQueryValue(nameof(From)) ?? this.UnreadableQueryValue(nameof(To));
        UnreadableBasis = this.UnreadableQueryValue(nameof(Basis));
        if (UnreadableDate is not null || UnreadableBasis is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
