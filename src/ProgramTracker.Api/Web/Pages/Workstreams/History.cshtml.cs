using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Workstreams;

[Authorize(Policy = Policies.ReadWorkstream)]
public sealed class HistoryModel(IQuerySession session, Reads reads) : PageModel
{
    public Workstream? Workstream { get; private set; }
    public AuditView Audit { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    /// <summary>The text of a ?from= or ?to= that is not a date, to say so next to the dates instead of ignoring it.</summary>
    public string? UnreadableDate { get; private set; }

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>How the changes between the two days are counted (<see cref="AsOfBasis"/>): as recorded (the default) or by the dates on the events.</summary>
    [BindProperty(SupportsGet = true)] public AsOfBasis? Basis { get; set; }

    /// <summary>The text of a ?basis= that is neither basis, to say so next to the choice.</summary>
    public string? UnreadableBasis { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Today = reads.Today;
        Workstream = await session.LoadAsync<Workstream>(id, ct);
        var audit = Workstream is null ? null : await reads.WorkstreamHistoryAsync(id, From, To, ct, Basis ?? AsOfBasis.Recorded);
        if (audit is null) return this.NotFoundPage();
        Audit = audit;
        UnreadableDate = this.UnreadableQueryValue(nameof(From)) ?? this.UnreadableQueryValue(nameof(To));
        UnreadableBasis = this.UnreadableQueryValue(nameof(Basis));
        if (UnreadableDate is not null || UnreadableBasis is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
