using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Agreements.ReviewPacks;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;

namespace ProgramTracker.Api.Web.Pages.Agreements;

/// <summary>
/// What a steering committee reads before it meets, laid out for A4: the figures, the slippage, the open actions. It
/// is what GET /api/agreements/{id}/review-pack answers; a frozen pack also prints its SHA-256 and the event that froze it.
/// </summary>
[Authorize(Policy = Policies.ReadAgreement)]
public sealed class ReviewPackModel(Reads reads, IQuerySession session) : PageModel
{
    public ReviewPackRead? Read { get; private set; }

    /// <summary>The day of the pack; today when not given.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? PackDate { get; set; }

    [BindProperty(SupportsGet = true)] public AsOfBasis? Basis { get; set; }

    /// <summary>The audit event of a freeze (where the freeze form lands): the page shows that pack's day and basis.</summary>
    [BindProperty(SupportsGet = true)] public long? Frozen { get; set; }

    /// <summary>Changes made to closed periods' figures, each with its reason, by workstream code.</summary>
    public IReadOnlyList<(string Code, CorrectionNote Correction)> Corrections { get; private set; } = [];

    /// <summary>An administrator, or a chair or secretary in office of one of the agreement's committees: the page offers them the freeze.</summary>
    public bool MayFreeze { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var unreadable = this.UnreadableQueryValue(nameof(PackDate)) is not null || this.UnreadableQueryValue(nameof(Basis)) is not null;
        if (PackDate > reads.Today) PackDate = null;
        if (Frozen is { } sequence
            && (await FrozenPacks.OfAgreementAsync(session, id, HttpContext.RequestAborted)).FirstOrDefault(f => f.Event.Sequence == sequence).Frozen is { } freeze)
            (PackDate, Basis) = (freeze.PackDate, freeze.Basis);
        if (await reads.ReviewPackAsync(id, PackDate, Basis ?? AsOfBasis.Recorded, HttpContext.RequestAborted) is not { } read) return this.NotFoundPage();
        Read = read;
        if (unreadable) Response.StatusCode = StatusCodes.Status400BadRequest;
        Today = reads.Today;
        MayFreeze = await FreezeReviewPackEndpoint.MayFreezeAsync(HttpContext, session, id, Today);
        Corrections = [.. read.Pack.Workstreams.SelectMany(w => (w.ClosedPeriodCorrections ?? []).Select(c => (w.Code, c))).OrderBy(x => x.c.EffectiveOn)];
        return Page();
    }
}
