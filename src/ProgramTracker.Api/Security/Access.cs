using System.Collections.Concurrent;
using System.Security.Claims;
using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.People;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Security;

/// <summary>
/// What one signed-in user may see and do, worked out once per request from their claims and from the events
/// that gave them their place: officer assignments on workstreams and seats on committees. Nothing is granted
/// that is not listed here (an administrator excepted).
/// </summary>
public sealed class Access
{
    public static readonly Access Nobody = new(false, null, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>());

    private Access(bool isAdministrator, string? personId, IReadOnlySet<Guid> agreements, IReadOnlySet<Guid> workstreams,
        IReadOnlySet<Guid> committees)
    {
        IsAdministrator = isAdministrator;
        PersonId = personId;
        Agreements = agreements;
        Workstreams = workstreams;
        Committees = committees;
    }

    public bool IsAdministrator { get; }
    public string? PersonId { get; }

    /// <summary>The agreements the user may read (everything they contain); all of them for an administrator.</summary>
    public IReadOnlySet<Guid> Agreements { get; }

    /// <summary>The workstreams the user records on as their project officer.</summary>
    public IReadOnlySet<Guid> Workstreams { get; }

    /// <summary>The committees the user sits on, or is a principal of, today.</summary>
    public IReadOnlySet<Guid> Committees { get; }

    public bool CanRead(Guid agreementId) => IsAdministrator || Agreements.Contains(agreementId);
    public bool CanRecordOn(Guid workstreamId) => IsAdministrator || Workstreams.Contains(workstreamId);
    public bool CanActOn(Guid committeeId) => IsAdministrator || Committees.Contains(committeeId);

    /// <summary>For queries: null when every agreement is visible, otherwise the ids to filter by.</summary>
    public Guid[]? VisibleAgreements => IsAdministrator ? null : [.. Agreements];

    public static Access Everything(string? personId) =>
        new(true, personId, new HashSet<Guid>(), new HashSet<Guid>(), new HashSet<Guid>());

    public static Access Of(string? personId, IEnumerable<Guid> agreements, IEnumerable<Guid> workstreams, IEnumerable<Guid> committees) =>
        new(false, personId, agreements.ToHashSet(), workstreams.ToHashSet(), committees.ToHashSet());
}

/// <summary>Works out a user's <see cref="Access"/>: one round trip to the database for users who are not administrators.</summary>
public sealed class AccessResolver(IDocumentStore store, TimeProvider clock)
{
    public async Task<Access> ResolveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.Identity is not { IsAuthenticated: true }) return Access.Nobody;
        var personId = ClaimNames.PersonIdOf(user);
        if (user.IsInRole(Roles.Administrator)) return Access.Everything(personId);
        if (!Roles.All.Any(user.IsInRole)) return Access.Nobody;

        var granted = user.FindAll(ClaimNames.Agreements)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty);
        if (personId is null) return Access.Of(null, granted, [], []);

        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var assignments = batch.Load<PersonAssignments>(personId);
        // Only the two ids: an officer of 50 workstreams would otherwise read (and parse) 50 whole snapshots per request.
        var officerOf = user.IsInRole(Roles.ProjectOfficer)
            ? batch.Query<Workstream>().Where(w => w.Officers.Any(o => o.PersonId == personId))
                .Select(w => new OfficerOf(w.Id, w.AgreementId)).ToList()
            : Task.FromResult<IReadOnlyList<OfficerOf>>([]);
        // A reviewer named on an agreement that requires sign-off reads it, to review what is submitted on it (ids only).
        // Written by hand so that it uses the GIN index on data -> 'Reviewers': LINQ's Reviewers.Contains is
        // data @> '{"Reviewers":[…]}', which that index cannot serve, a scan of every agreement on every request of
        // every user who is not an administrator (0.8 ms at 1,000 agreements, growing with them).
        var reviewing = batch.Query<ReviewerOf>(ReviewingSql, System.Text.Json.JsonSerializer.Serialize(new[] { personId }));
        await batch.Execute(ct);

        var workstreams = await officerOf;
        var person = await assignments;
        var today = clock.Today();
        var seats = person?.Seats.Where(s => s.InOfficeOn(today)).Select(s => (s.CommitteeId, s.AgreementId)).ToList() ?? [];
        var principal = person?.Principal.Select(p => (p.CommitteeId, p.AgreementId)).ToList() ?? [];
        var committees = user.IsInRole(Roles.CommitteeMember) ? seats.Concat(principal).ToList() : [];
        var actions = person?.ActionItems.Where(a => a.Status == ActionItemStatus.Open).Select(a => a.AgreementId) ?? [];

        return Access.Of(personId,
            granted.Concat(workstreams.Select(w => w.AgreementId)).Concat(committees.Select(c => c.AgreementId)).Concat(actions)
                .Concat((await reviewing).Select(r => r.Id)),
            workstreams.Select(w => w.Id),
            committees.Select(c => c.CommitteeId));
    }

    private static readonly string ReviewingSql =
        $"select jsonb_build_object('Id', d.id) from {Hosting.MartenSetup.Schema}.mt_doc_agreement as d where d.data -> 'Reviewers' @> ?::jsonb";
}

internal sealed record OfficerOf(Guid Id, Guid AgreementId);

internal sealed record ReviewerOf(Guid Id);

/// <summary>Which agreement a workstream or committee belongs to. That never changes, so it is remembered.</summary>
public sealed class ResourceDirectory(IDocumentStore store)
{
    private readonly ConcurrentDictionary<Guid, Guid> _agreementOf = new();

    public async ValueTask<Guid?> AgreementOfAsync(ResourceKind kind, Guid id, CancellationToken ct)
    {
        if (kind == ResourceKind.Agreement) return id;
        if (_agreementOf.TryGetValue(id, out var known)) return known;

        await using var session = store.QuerySession();
        Guid? agreement = kind switch
        {
            ResourceKind.Workstream => (await session.LoadAsync<Workstream>(id, ct))?.AgreementId,
            _ => (await session.LoadAsync<Committee>(id, ct))?.AgreementId,
        };
        if (agreement is { } found) _agreementOf[id] = found;
        return agreement;
    }
}

public static class AccessExtensions
{
    /// <summary>The signed-in user's access, worked out once per request.</summary>
    public static async ValueTask<Access> AccessAsync(this HttpContext http)
    {
        if (http.Items[typeof(Access)] is Access known) return known;
        var access = await http.RequestServices.GetRequiredService<AccessResolver>().ResolveAsync(http.User, http.RequestAborted);
        http.Items[typeof(Access)] = access;
        return access;
    }
}
