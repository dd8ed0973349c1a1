using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Workstreams;

[Authorize(Policy = Policies.ReadWorkstream)]
public sealed class ShowModel(Reads reads) : AsOfPageModel(AsOfBasis.Recorded)
{
    public Workstream? Workstream { get; private set; }
    /// <summary>The figures GET /api/workstreams/{id} answers with (its <c>figures</c>), today or as of <see cref="AsOf"/>.</summary>
    public WorkstreamDashboardView Summary { get; private set; } = null!;
    public Agreement? Agreement { get; private set; }
    public long? Version { get; private set; }

    /// <summary>Only the workstream's project officers (and administrators) see the forms that record on it.</summary>
    public bool CanRecord { get; private set; }

    /// <summary>Administrators also assign and unassign the workstream's project officers.</summary>
    public bool CanManageOfficers { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Completed { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Progressed { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Rescheduled { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Started { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Blocked { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Unblocked { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Cancelled { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        ReadAsOf(reads.Today);
        if (await reads.WorkstreamAsync(id, AsOf, ct, BasisOrDefault) is not { } read) return this.NotFoundPage();
        var workstream = read.Workstream;
        Workstream = workstream;
        if (AsOf is null) Version = workstream.Version;
        Summary = read.View.Figures;
        Agreement = await reads.AgreementSnapshotAsync(workstream.AgreementId, ct);
        var access = await HttpContext.AccessAsync();
        CanRecord = access.CanRecordOn(id);
        CanManageOfficers = access.IsAdministrator;
        return ShowPage();
    }

    /// <summary>Whether what the forms record here waits for a reviewer before it counts.</summary>
    public bool SignOffRequired => Agreement?.RequiresSignOff == true;

    public IEnumerable<Milestone> OpenMilestones => Workstream!.Milestones.Where(m => m.IsOpen).OrderBy(m => m.DueDate);

    public IEnumerable<Milestone> MilestonesToStart => OpenMilestones.Where(m => m.StartedOn is null && m.Status != MilestoneStatus.Blocked);

    public IEnumerable<Milestone> MilestonesToBlock => OpenMilestones.Where(m => m.Status != MilestoneStatus.Blocked);

    public IEnumerable<Milestone> BlockedMilestones => OpenMilestones.Where(m => m.Status == MilestoneStatus.Blocked);

    public string? LeadPartyName => Agreement?.Parties.FirstOrDefault(p => p.PartyId == Workstream!.LeadPartyId) is { } p
        ? $"{p.Country} · {Display.Plain(p.Name)}"
        : Workstream!.LeadPartyId;
}

/// <summary>
/// A form that changes a milestone's status for a stated reason (block, unblock, cancel): the API action it posts
/// to, the query flag it returns with, the milestones it offers, its date field, and the prefix of its strings.
/// </summary>
public sealed record ReasonForm(
    Guid WorkstreamId,
    string Action,
    string Done,
    string Strings,
    string DateField,
    DateOnly Today,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyDictionary<string, string> Rules,
    string? Hint = null);
