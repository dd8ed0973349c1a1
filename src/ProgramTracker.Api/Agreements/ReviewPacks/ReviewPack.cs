using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Agreements.ReviewPacks;

/// <summary>
/// What a committee reads before it meets, as of one day: the agreement's figures, its workstreams, the slipped and
/// overdue milestones and the open action items of its committees. The page, the API and a frozen pack's hash are
/// all this one record.
/// </summary>
public sealed record ReviewPack(
    Guid AgreementId,
    DateOnly PackDate,
    AsOfBasis Basis,
    int StaleAfterDays,
    PackAgreement Agreement,
    IReadOnlyList<WorkstreamDashboardView> Workstreams,
    IReadOnlyList<PackMilestone> Slippage,
    IReadOnlyList<PackAction> OpenActions)
{
    /// <summary>The sections a verification names when a recomputed pack no longer matches.</summary>
    public static readonly IReadOnlyList<string> SectionNames = ["agreement", "workstreams", "slippage", "openActions"];

    /// <summary>The serializer settings of the canonical form. Fixed here, not taken from the API's, so a pack's bytes never move with them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public JsonNode Node() => JsonSerializer.SerializeToNode(this, Json)!;

    public string Sha256() => CanonicalJson.Sha256(Node());

    /// <summary>Each section's SHA-256 over its canonical JSON, by section name.</summary>
    public IReadOnlyDictionary<string, string> SectionHashes()
    {
        var node = Node().AsObject();
        return SectionNames.ToDictionary(name => name, name => CanonicalJson.Sha256(node[name]));
    }

    public static ReviewPack From(AgreementRead read, DateOnly day, AsOfBasis basis, int staleAfterDays)
    {
        var d = read.View;
        var slipped = d.Workstreams
            .SelectMany(w => (w.Milestones ?? []).Where(m => m.VarianceDays > 0 || m.Overdue)
                .Select(m => new PackMilestone(w.WorkstreamId, w.Code, m.Id, m.Title, m.BaselineDueDate, m.DueDate, m.VarianceDays, m.Status, m.Overdue)))
            .OrderByDescending(m => m.VarianceDays).ThenBy(m => m.WorkstreamCode, StringComparer.Ordinal).ThenBy(m => m.MilestoneId)
            .ToList();
        var actions = read.Committees.OrderBy(c => c.Id)
            .SelectMany(c => c.ActionItems.Where(a => a.IsOpen)
                .Select(a => new PackAction(c.Id, a.Id, a.Text, a.PersonName, a.DueDate, a.IsOverdue(day))))
            .OrderBy(a => a.DueDate).ThenBy(a => a.ActionItemId)
            .ToList();
        var agreement = new PackAgreement(d.Code, d.Title, d.Status, d.Validity, d.Parties, d.PercentComplete, d.MilestonesDone, d.MilestonesTotal,
            d.OverdueCount, d.StaleCount, d.Rag, d.LastEventAt, d.PendingSubmissions, d.Corrections);
        return new ReviewPack(d.AgreementId, day, basis, staleAfterDays, agreement, d.Workstreams, slipped, actions);
    }

    /// <summary>
    /// The pack as of <paramref name="cut"/>'s day, folded from the events the cut lets through, with the last event
    /// sequence those streams held when it was read: bounding a later recomputation by it leaves out whatever came after.
    /// </summary>
    public static async Task<(ReviewPack Pack, long LastSequence)?> ComputeAsync(IQuerySession session, Guid agreementId, AsOf.Cut cut,
        int staleAfterDays, CancellationToken ct)
    {
        if (await AsOf.StateAsync(session, agreementId, cut, ct) is not { } state) return null;
        var read = Reads.Figured(state.Agreement, state.Workstreams, state.Committees, cut.Day, staleAfterDays);
        return (From(read, cut.Day, cut.Basis, staleAfterDays), state.LastSequence);
    }
}

public sealed record PackAgreement(
    string Code,
    LocalizedText Title,
    AgreementStatus Status,
    ValidityPeriod Validity,
    IReadOnlyList<PartyView> Parties,
    decimal PercentComplete,
    int MilestonesDone,
    int MilestonesTotal,
    int OverdueCount,
    int StaleCount,
    Rag? Rag,
    DateTimeOffset? LastEventAt,
    int PendingSubmissions = 0,
    int Corrections = 0);

public sealed record PackMilestone(Guid WorkstreamId, string WorkstreamCode, Guid MilestoneId, LocalizedText Title, DateOnly BaselineDueDate,
    DateOnly DueDate, int VarianceDays, MilestoneStatus Status, bool Overdue);

public sealed record PackAction(Guid CommitteeId, Guid ActionItemId, string Text, string? PersonName, DateOnly DueDate, bool Overdue);

/// <summary>
/// A review pack's content as of <c>PackDate</c> was frozen: <c>Sha256</c> is the SHA-256 of its canonical JSON
/// (<see cref="CanonicalJson"/>), computed from the events the basis counts on that day and recorded no later than
/// <c>UpToSequence</c>, with <c>StaleAfterDays</c> as the stale threshold. Appended to the agreement's stream, so it
/// enters the audit hash chain (and, as an agreement event, moves the agreement's version and last update like any
/// other). <c>Sections</c> holds each section's hash, so a mismatch can say where it lies.
/// </summary>
public sealed record ReviewPackFrozen(
    Guid AgreementId,
    DateOnly PackDate,
    string Sha256,
    AsOfBasis Basis,
    Guid? MeetingId,
    long UpToSequence,
    int StaleAfterDays,
    IReadOnlyDictionary<string, string> Sections) : IAgreementEvent;
