using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Web.Pages.Committees;

[Authorize(Policy = Policies.ReadCommittee)]
public sealed class ShowModel(Reads reads) : AsOfPageModel(AsOfBasis.Effective)
{
    public Committee? Committee { get; private set; }
    public CommitteeRoster Roster { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, Workstream> Workstreams { get; private set; } = new Dictionary<Guid, Workstream>();
    public Agreement? Agreement { get; private set; }

    /// <summary>Appointing and relieving members is an administrator's, as the API's policy says.</summary>
    public bool CanManageMembers { get; private set; }

    /// <summary>Meetings and action items are for the committee's members in office (and administrators), as the API's policy says.</summary>
    public bool CanAct { get; private set; }

    /// <summary>The committee exists, but was not yet established on <see cref="AsOf"/>.</summary>
    public bool NotYetEstablished { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        ReadAsOf(reads.Today);
        CommitteeRead? read;
        if (AsOf is { } day)
        {
            var (exists, then) = await reads.CommitteeAsOfAsync(id, day, ct, BasisOrDefault);
            if (!exists) return this.NotFoundPage();
            NotYetEstablished = then is null;
            read = then ?? await reads.CommitteeAsync(id, ct);
        }
        else read = await reads.CommitteeAsync(id, ct);
        if (read is null) return this.NotFoundPage();
        (Committee, Roster) = (read.Committee, read.Roster);
        Agreement = await reads.AgreementSnapshotAsync(Committee.AgreementId, ct);
        Workstreams = await reads.WorkstreamsByIdAsync(
            Committee.ActionItems.Select(a => a.WorkstreamId).Concat(Committee.Members.Select(m => m.WorkstreamId)).OfType<Guid>()
                .Concat(Agreement?.Workstreams.Select(w => w.WorkstreamId) ?? []), ct);
        // A past day is for reading: the forms act on the committee as it is today.
        var access = await HttpContext.AccessAsync();
        CanManageMembers = AsOf is null && access.IsAdministrator;
        CanAct = AsOf is null && access.CanActOn(id);
        return ShowPage();
    }

    public IEnumerable<ActionItem> OpenActions => Committee!.ActionItems.Where(a => a.IsOpen).OrderBy(a => a.DueDate);

    /// <summary>The agreement's workstreams, in its order: for agendas, focal points and action items.</summary>
    public IEnumerable<Workstream> AgreementWorkstreams =>
        (Agreement?.Workstreams ?? []).Select(w => Workstreams.GetValueOrDefault(w.WorkstreamId)).OfType<Workstream>();

    /// <summary>The parties a member may sit for: the committee's own side, or every party of a joint committee.</summary>
    public IEnumerable<Party> SeatParties =>
        (Agreement?.Parties ?? []).Where(p => Committee!.PartyId is not { } side || p.PartyId == side);

    /// <summary>A party by its country and name in the page's language; its id only when the agreement does not name it.</summary>
    public string? PartyName(string? partyId) =>
        Roster.Party(partyId) is { } p ? $"{p.Country} · {Display.Plain(p.Name)}" : partyId;

    public string? WorkstreamCode(Guid? id) => id is { } w && Workstreams.TryGetValue(w, out var ws) ? ws.Code : null;
}
