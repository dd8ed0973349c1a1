using Marten;
using Marten.Linq;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Options;
using Npgsql;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.Meetings;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.People;
using ProgramTracker.Api.Agreements.ReviewPacks;
using ProgramTracker.Api.SignOff;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Dashboards;

/// <summary>The read side's settings, under <c>ProgramTracker</c> in the configuration.</summary>
public sealed class DashboardOptions
{
    public const string Section = "ProgramTracker";

    /// <summary>A workstream with open milestones and no event for more days than this is stale.</summary>
    public int StaleAfterDays { get; set; } = DashboardFigures.DefaultStaleAfterDays;
}

/// <summary>The portfolio filters and page, named like the query parameters of GET /api/agreements.</summary>
public sealed record PortfolioQuery(string? Country = null, string? Party = null, AgreementStatus? Status = null, string? Q = null,
    int Page = 1, int PageSize = PortfolioQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;
    public const int MaxTextLength = 200;
}

/// <summary>What the portfolio's filters offer: the countries and parties of the agreements the user may see.</summary>
public sealed record PortfolioChoices(IReadOnlyList<string> Countries, IReadOnlyList<PartyView> Parties);

/// <summary>
/// An agreement's dashboard with the agreement and the committees it was figured with, and a version that moves with
/// every event of either.
/// </summary>
public sealed record AgreementRead(AgreementDashboardView View, long Version, IReadOnlyList<Committee> Committees, Agreement Agreement);

/// <summary>A workstream's snapshot (what its forms act on) and the view the API answers with.</summary>
public sealed record WorkstreamRead(Workstream Workstream, WorkstreamView View);

/// <summary>A committee today (its snapshot) with the roster the API answers with.</summary>
public sealed record CommitteeRead(Committee Committee, CommitteeRoster Roster);

/// <summary>An audit trail (newest first) and, when two days were given, what changed between them.</summary>
public sealed record AuditView(
    IReadOnlyList<ToldEvent> Entries,
    (DateOnly From, DateOnly To)? Window,
    IReadOnlyList<WorkstreamChanges>? WorkstreamChanges,
    AgreementChanges? AgreementChanges);

/// <summary>
/// The one read path: the API endpoints, the pages, the CSV exports and the live feeds call these, so that a page and
/// an API answer about the same thing are the same records with the same figures (<see cref="DashboardFigures"/>),
/// the same stale threshold and the same indexes.
/// </summary>
public sealed class Reads(IQuerySession session, TimeProvider clock, IOptions<DashboardOptions> options, PortfolioTotals totals)
{
    // Today's snapshots this request has read already. A page and its partials ask for the same things more than once
    // (the agreement page's dashboard, its money and its forms each read the agreement and its workstreams), and each
    // ask was a round trip and a new figuring. A Reads lives for one request (scoped), so nothing outlives its moment.
    private readonly Dictionary<Guid, Agreement?> _agreements = [];
    private readonly Dictionary<Guid, Workstream?> _workstreams = [];
    private readonly Dictionary<Guid, (Agreement Agreement, IReadOnlyList<Workstream> Workstreams, IReadOnlyList<Committee> Committees)?> _agreementsWhole = [];
    private readonly Dictionary<(Guid, FiguresBasis), AgreementRead> _figured = [];

    public DateOnly Today => clock.Today();

    public int StaleAfterDays => Math.Max(0, options.Value.StaleAfterDays);

    /// <summary>
    /// An agreement's dashboard today, from the inline Agreement, Workstream and Committee snapshots (so it shows a write
    /// the moment it is answered), or as it stood when <paramref name="asOf"/> ended, folded from the events.
    /// </summary>
    public Task<AgreementRead?> AgreementAsync(Guid id, DateOnly? asOf, CancellationToken ct, FiguresBasis figures = FiguresBasis.Approved) =>
        AgreementAsync(id, asOf, AsOfBasis.Recorded, ct, figures);

    /// <summary>As <see cref="AgreementAsync(Guid, DateOnly?, CancellationToken, FiguresBasis)"/>, a past day read on the given basis.</summary>
    public async Task<AgreementRead?> AgreementAsync(Guid id, DateOnly? asOf, AsOfBasis basis, CancellationToken ct,
        FiguresBasis figures = FiguresBasis.Approved)
    {
        if (asOf is { } day) return await AsOf.DashboardAsync(session, id, day, StaleAfterDays, ct, basis, figures);
        if (_figured.TryGetValue((id, figures), out var known)) return known;
        if (await AgreementWholeAsync(id, ct) is not { } whole) return null;
        return _figured[(id, figures)] = Figured(whole.Agreement, whole.Workstreams, whole.Committees, Today, StaleAfterDays, figures);
    }

    /// <summary>An agreement with its workstreams and committees today, in one round trip (once a request).</summary>
    private async Task<(Agreement Agreement, IReadOnlyList<Workstream> Workstreams, IReadOnlyList<Committee> Committees)?> AgreementWholeAsync(Guid id, CancellationToken ct)
    {
        if (_agreementsWhole.TryGetValue(id, out var known)) return known;
        var batch = session.CreateBatchQuery();
        var agreementRead = batch.Load<Agreement>(id);
        var workstreamsRead = batch.Query<Workstream>().Where(w => w.AgreementId == id).ToList();
        var committeesRead = batch.Query<Committee>().Where(c => c.AgreementId == id).ToList();
        await batch.Execute(ct);
        var (agreement, workstreams) = (await agreementRead, await workstreamsRead);
        _agreements[id] = agreement;
        foreach (var w in workstreams) _workstreams[w.Id] = w;
        return _agreementsWhole[id] = agreement is null ? null : (agreement, workstreams, await committeesRead);
    }

    /// <summary>An agreement's inline snapshot today (once a request): what its pages' forms and party names read.</summary>
    public async Task<Agreement?> AgreementSnapshotAsync(Guid id, CancellationToken ct)
    {
        if (_agreements.TryGetValue(id, out var known)) return known;
        return _agreements[id] = await session.LoadAsync<Agreement>(id, ct);
    }

    /// <summary>A workstream's inline snapshot today (once a request).</summary>
    private async Task<Workstream?> WorkstreamSnapshotAsync(Guid id, CancellationToken ct)
    {
        if (_workstreams.TryGetValue(id, out var known)) return known;
        return _workstreams[id] = await session.LoadAsync<Workstream>(id, ct);
    }

    /// <summary>The dashboard of an agreement with these workstreams and committees on <paramref name="day"/>; the versions summed.</summary>
    public static AgreementRead Figured(Agreement agreement, IEnumerable<Workstream> workstreams, IReadOnlyList<Committee> committees,
        DateOnly day, int staleAfterDays, FiguresBasis basis = FiguresBasis.Approved)
    {
        if (basis == FiguresBasis.Submitted) workstreams = workstreams.Select(w => w.WithPendingApplied());
        var order = agreement.Workstreams.Select((w, i) => (w.WorkstreamId, i)).ToDictionary(x => x.WorkstreamId, x => x.i);
        var ordered = workstreams.OrderBy(w => order.GetValueOrDefault(w.Id, int.MaxValue)).ThenBy(w => w.Code).ToList();
        var view = DashboardFigures.Compute(agreement, ordered, day, staleAfterDays, agreement.UpdatedAt, committees) with { Figures = basis };
        return new AgreementRead(view, agreement.Version + ordered.Sum(w => w.Version) + committees.Sum(c => c.Version), committees, agreement);
    }

    /// <summary>
    /// The version <see cref="AgreementAsync"/> answers today, read the same way: the live page compares it, not the
    /// figures, and refreshes when it moves.
    /// </summary>
    public static async Task<long?> AgreementVersionAsync(IQuerySession session, Guid agreementId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var agreementRead = batch.Load<Agreement>(agreementId);
        var workstreamsRead = batch.Query<Workstream>().Where(w => w.AgreementId == agreementId).ToList();
        var committeesRead = batch.Query<Committee>().Where(c => c.AgreementId == agreementId).ToList();
        await batch.Execute(ct);
        if (await agreementRead is not { } agreement) return null;
        return agreement.Version + (await workstreamsRead).Sum(w => w.Version) + (await committeesRead).Sum(c => c.Version);
    }

    /// <summary>The workstream's stream version, from its inline snapshot; it moves with every event the workstream records.</summary>
    public static async Task<long?> WorkstreamVersionAsync(IQuerySession session, Guid workstreamId, CancellationToken ct) =>
        (await session.LoadAsync<Workstream>(workstreamId, ct))?.Version;

    /// <summary>
    /// One page of the portfolio, in code order, in one statement: the total, then the page's stored portfolio lines.
    /// The filters and the paging run on the dashboard documents' indexed columns; only the page's own agreements are
    /// read as their lines (the page's ids are a subquery: reading the lines in the paging scan itself would unpack
    /// every skipped document too).
    /// </summary>
    public async Task<AgreementPage> PortfolioAsync(PortfolioQuery query, Guid[]? visible, CancellationToken ct)
    {
        var (page, take) = (query.Page, query.PageSize);
        var countryCode = query.Country?.Trim().ToUpperInvariant() ?? "";
        var partyId = query.Party?.Trim() ?? "";
        var text = query.Q?.Trim().ToLowerInvariant() ?? "";

        // Marten writes the filters (the same LINQ as ever, so the same SQL and escaping); the page wraps them in one
        // statement with the total and the lines, one round trip where it was two (ids and total batched, then lines).
        var command = Filtered(session.Query<AgreementDashboard>(), visible, query.Status, countryCode, partyId, text)
            .Select(d => d.Id).ToCommand();
        var filter = FilterOf(command.CommandText);
        // The total is counted again only when the dashboards moved since it was counted for this filter (PortfolioTotals).
        var totalKey = visible is null ? TotalKey(filter, command.Parameters) : null;
        var known = totalKey is null ? PortfolioTotals.Kept.None : totals.Known(totalKey);
        command.CommandText = PortfolioPageSql(filter);
        command.Parameters.AddWithValue("page_offset", (page - 1) * take);
        command.Parameters.AddWithValue("page_limit", take);
        command.Parameters.AddWithValue("shard", totals.Shard);
        command.Parameters.AddWithValue("known_position", known.Position);
        command.Parameters.AddWithValue("known_updated", known.Updated);
        command.Parameters.AddWithValue("known_total", known.Total);
        long total = 0;
        PortfolioTotals.Kept? counted = null;
        var found = new List<StoredLine>(take);
        var serializer = session.DocumentStore.Options.Serializer();
        await using (var reader = await session.ExecuteReaderAsync(command, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                total = reader.GetInt64(0);
                counted = await reader.IsDBNullAsync(1, ct) ? null : new(reader.GetInt64(1), reader.GetDateTime(2), total);
                if (!await reader.IsDBNullAsync(3, ct)) found.Add(await serializer.FromJsonAsync<StoredLine>(reader, 3, ct));
            }
        }
        if (totalKey is not null && counted is { } now && now != known) totals.Remember(totalKey, now);
        var today = Today;

        // The lines keep their open milestones as ids and due days; the titles of those the page names as next due
        // are read by id, a hundred small rows at most. (Lines not stored as they are now have none: null.)
        var nextDue = found.ToDictionary(f => f.Id,
            f => f.Portfolio is { Complete: true } line ? DashboardFigures.NextDueIds(line, today).ToArray() : null);
        var named = nextDue.Values.SelectMany(ids => ids ?? []).OfType<Guid>().Distinct().ToArray();
        var titles = named.Length == 0
            ? new Dictionary<Guid, LocalizedText>()
            : (await session.QueryAsync<StoredTitle>(NextDueTitlesSql, ct, named)).Where(t => t.Title is not null).ToDictionary(t => t.Id, t => t.Title!);

        // Documents projected before they carried a portfolio line as it is stored now, whose next-due milestone has no
        // title in its index (an index projected before it kept them), or whose line left that milestone's id out (a
        // day earlier than the workstream's latest event: a clock set back) are read whole.
        var unlined = found.Where(f => nextDue[f.Id] is not { } ids || ids.Any(id => id is not { } known || !titles.ContainsKey(known)))
            .Select(f => f.Id).ToList();
        var whole = unlined.Count == 0
            ? new Dictionary<Guid, AgreementDashboard>()
            : (await session.LoadManyAsync<AgreementDashboard>(ct, unlined)).ToDictionary(d => d.Id);
        var items = found.Select(f => whole.TryGetValue(f.Id, out var dashboard)
                ? DashboardFigures.Summary(LineOf(dashboard), today, StaleAfterDays)
                : DashboardFigures.Summary(f.Portfolio!, today, StaleAfterDays, (_, id) => titles.GetValueOrDefault(id)))
            .ToList();
        return new AgreementPage(items, total, page, take);
    }

    private static IQueryable<AgreementDashboard> Filtered(IQueryable<AgreementDashboard> dashboards, Guid[]? visible,
        AgreementStatus? status, string countryCode, string partyId, string text)
    {
        dashboards = dashboards.Where(d => d.Code != "");
        if (visible is not null) dashboards = dashboards.Where(d => d.Id.IsOneOf(visible));
        if (status is { } s) dashboards = dashboards.Where(d => d.Status == s);
        if (countryCode.Length > 0) dashboards = dashboards.Where(d => d.Countries.Contains(countryCode));
        if (partyId.Length > 0) dashboards = dashboards.Where(d => d.PartyIds.Contains(partyId));
        if (text.Length > 0) dashboards = dashboards.Where(d => d.SearchText.Contains(text));
        return dashboards;
    }

    private sealed record StoredLine(Guid Id, PortfolioLine? Portfolio);

    private sealed record StoredTitle(Guid Id, LocalizedText? Title);

    private static readonly string Dashboards = $"{Hosting.MartenSetup.Schema}.mt_doc_agreement_dashboard";

    private static readonly string FilterPrefix = $"select d.id from {Dashboards} as d where ";

    /// <summary>The where clause of Marten's statement for the filtered dashboards' ids (its parameters stay the command's).</summary>
    internal static string FilterOf(string sql)
    {
        sql = sql.TrimEnd().TrimEnd(';');
        if (!sql.StartsWith(FilterPrefix, StringComparison.Ordinal) || sql.Contains(" order by ", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Unexpected portfolio filter statement: {sql}");
        return sql[FilterPrefix.Length..];
    }

    /// <summary>A filter as a key of <see cref="PortfolioTotals"/>: Marten's where clause and its parameters' values.</summary>
    private static string TotalKey(string filter, NpgsqlParameterCollection parameters)
    {
        var key = new System.Text.StringBuilder(filter);
        foreach (NpgsqlParameter parameter in parameters)
        {
            key.Append('\n').Append(parameter.ParameterName).Append('=');
            if (parameter.Value is Array values) key.AppendJoin('\u001f', values.Cast<object>());
            else key.Append(Convert.ToString(parameter.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return key.ToString();
    }

    // The total, then the dashboard projection's progression row (its position and when it was last written), then the
    // page's stored portfolio lines in code order; a page past the end still gives the total (one row, no line). The
    // total is the one kept for this filter when the row is as it was when that total was counted (the count is then an
    // init plan never executed), else counted. The lines are stored whole, a few kilobytes each, since the open
    // milestones are kept as ids and due days only. (Cutting the lines in SQL as they were stored before, with every open milestone's title, read
    // 63 % fewer bytes but made the page slower: PostgreSQL's JSON functions did that work on every view; README,
    // Performance, fifth round. Storing the line small does it once, when the dashboard is projected.) Each line is
    // read by its id on its own (lateral, limit 1): as a plain join, at 1,000 agreements PostgreSQL hashed the page's
    // 20 ids against a scan of every dashboard, unpacking each one (49 ms instead of 0.7).
    internal static string PortfolioPageSql(string filter) =>
        "select t.total, t.at, t.updated, l.line from (select p.at, p.updated, " +
        "case when p.at = :known_position and p.updated = :known_updated then :known_total " +
        $"else (select count(*) from {Dashboards} as d where ({filter})) end as total " +
        $"from (select max(g.last_seq_id) as at, max(g.last_updated) as updated from {Hosting.MartenSetup.Schema}.mt_event_progression as g where g.name = :shard) as p) as t " +
        "left join (select p.n, x.line " +
        $"from unnest(array(select d.id from {Dashboards} as d where ({filter}) order by d.code offset :page_offset limit :page_limit)) " +
        "with ordinality as p(id, n) cross join lateral " +
        $"(select jsonb_build_object('Id', x.id, 'Portfolio', x.data -> 'Portfolio') as line from {Dashboards} as x where x.id = p.id limit 1) as x) as l " +
        "on true order by l.n";

    private static readonly string NextDueTitlesSql =
        "select jsonb_build_object('Id', m.id, 'Title', m.data -> 'Title') " +
        $"from {Hosting.MartenSetup.Schema}.mt_doc_scheduled_milestone as m where m.id = ANY(?)";

    private static PortfolioLine LineOf(AgreementDashboard dashboard) =>
        PortfolioLine.Of(dashboard.Agreement!, dashboard.Workstreams, dashboard.AgreementUpdatedAt);

    /// <summary>The countries and parties the portfolio's filters offer, from the agreements' parties alone.</summary>
    public async Task<PortfolioChoices> PortfolioChoicesAsync(Guid[]? visible, CancellationToken ct)
    {
        IReadOnlyList<PartyView> parties;
        if (visible is null)
        {
            // Everyone's choices are the projected parties: a few rows, where working them out scanned every agreement
            // on each view (52 ms a page at 10,000 agreements, README, Performance).
            parties = [.. (await session.Query<PortfolioParty>().ToListAsync(ct)).Select(p => p.View)];
        }
        else
        {
            // Someone who sees a few agreements gets those agreements' parties, found by id.
            var sql = $"select distinct p.value from {Hosting.MartenSetup.Schema}.mt_doc_agreement as d, jsonb_array_elements(d.data -> 'Parties') as p where d.id = ANY(?)";
            parties = [.. (await session.QueryAsync<Party>(sql, ct, visible)).Select(p => new PartyView(p.PartyId, p.Name, p.Country, p.ShortName))];
        }
        return new PortfolioChoices(
            [.. parties.Select(p => p.Country).Distinct().Order()],
            [.. parties.DistinctBy(p => p.PartyId).OrderBy(p => p.Country).ThenBy(p => p.PartyId)]);
    }

    /// <summary>
    /// Open milestones past their due date, earliest due first (then by agreement code), from the scheduled-milestone
    /// index; at most 1,000.
    /// </summary>
    public async Task<IReadOnlyList<OverdueMilestone>> OverdueAsync(Guid? agreementId, Guid[]? visible, CancellationToken ct)
    {
        var today = Today;
        var query = session.Query<ScheduledMilestone>().Where(m => m.Open && m.DueDate < today);
        if (agreementId is { } id) query = query.Where(m => m.AgreementId == id);
        if (visible is not null) query = query.Where(m => m.AgreementId.IsOneOf(visible));
        var overdue = await query.OrderBy(m => m.DueDate).Take(1000).ToListAsync(ct);

        var workstreams = (await session.LoadManyAsync<Workstream>(ct, overdue.Select(m => m.WorkstreamId).Distinct())).ToDictionary(w => w.Id);
        var agreements = (await session.LoadManyAsync<Agreement>(ct, overdue.Select(m => m.AgreementId).Distinct())).ToDictionary(a => a.Id);
        return [.. overdue
            .Select(s => (Scheduled: s, Workstream: workstreams.GetValueOrDefault(s.WorkstreamId)))
            .Select(x => (x.Scheduled, x.Workstream, Milestone: x.Workstream?.FindMilestone(x.Scheduled.Id)))
            .Where(x => x.Milestone is not null)
            .Select(x =>
            {
                var (s, w, m) = (x.Scheduled, x.Workstream!, x.Milestone!);
                return new OverdueMilestone(m.Id, m.Title, s.WorkstreamId, w.Code, w.Title, s.AgreementId, m.BaselineDueDate, m.DueDate,
                    today.DayNumber - m.DueDate.DayNumber, m.VarianceDays, m.Status, m.Percent, agreements.GetValueOrDefault(s.AgreementId)?.Code);
            })
            .OrderBy(m => m.DueDate).ThenBy(m => m.AgreementCode, StringComparer.Ordinal).ThenBy(m => m.WorkstreamCode, StringComparer.Ordinal)];
    }

    /// <summary>Workstreams with open work and no event for more than <paramref name="days"/> days (default: the configured threshold).</summary>
    public async Task<IReadOnlyList<StaleWorkstream>> StaleAsync(int? days, Guid[]? visible, CancellationToken ct)
    {
        var threshold = days ?? StaleAfterDays;
        var today = Today;
        // Anything updated on or after this moment is within the threshold whatever the time of day.
        var cutoff = QueryValues.StartOf(today.AddDays(-threshold));

        var query = session.Query<Workstream>().Where(w => w.LastUpdatedAt < cutoff);
        if (visible is not null) query = query.Where(w => w.AgreementId.IsOneOf(visible));
        var candidates = await query.OrderBy(w => w.LastUpdatedAt).Take(1000).ToListAsync(ct);

        return [.. candidates
            .Select(w => (Workstream: w, Figures: DashboardFigures.ForWorkstream(w, today, threshold)))
            .Where(x => x.Figures.Stale)
            .Select(x => new StaleWorkstream(x.Workstream.Id, x.Workstream.AgreementId, x.Workstream.Code, x.Workstream.Title,
                x.Workstream.LastUpdatedAt, x.Figures.DaysSinceUpdate, x.Figures.PercentComplete, x.Figures.Rag, x.Figures.OverdueCount))];
    }

    /// <summary>The workstream today (its inline snapshot) or as it stood when <paramref name="asOf"/> ended, with its figures on that day.</summary>
    public async Task<WorkstreamRead?> WorkstreamAsync(Guid id, DateOnly? asOf, CancellationToken ct, AsOfBasis basis = AsOfBasis.Recorded,
        FiguresBasis figures = FiguresBasis.Approved)
    {
        var workstream = asOf is { } day ? await AsOf.WorkstreamAsync(session, id, day, ct, basis) : await WorkstreamSnapshotAsync(id, ct);
        if (workstream is null) return null;
        if (figures == FiguresBasis.Submitted) workstream = workstream.WithPendingApplied();
        var figured = DashboardFigures.ForWorkstream(workstream, asOf ?? Today, StaleAfterDays);
        return new WorkstreamRead(workstream, WorkstreamView.From(workstream, figured));
    }

    /// <summary>Workstreams by id, for pages that name the workstreams committee work is about.</summary>
    public async Task<IReadOnlyDictionary<Guid, Workstream>> WorkstreamsByIdAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await session.LoadManyAsync<Workstream>(ct, ids.Distinct())).ToDictionary(w => w.Id);

    /// <summary>The committee today, with its roster and its agreement's parties (so that party ids read as names).</summary>
    public async Task<CommitteeRead?> CommitteeAsync(Guid id, CancellationToken ct)
    {
        var committee = await session.LoadAsync<Committee>(id, ct);
        if (committee is null) return null;
        var agreement = await AgreementSnapshotAsync(committee.AgreementId, ct);
        return new CommitteeRead(committee, CommitteeRoster.From(committee, Today, current: true, agreement));
    }

    /// <summary>
    /// The roster as it stood at the end of <paramref name="day"/>, folded from the committee's events: by default each
    /// judged on its own effective day (appointed from, relieved on), or with <see cref="AsOfBasis.Recorded"/> those
    /// recorded by then. Exists is false when there is no such committee at all; Then is null when it was not yet established.
    /// </summary>
    public async Task<(bool Exists, CommitteeRead? Then)> CommitteeAsOfAsync(Guid id, DateOnly day, CancellationToken ct,
        AsOfBasis basis = AsOfBasis.Effective)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0 || events[0].Data is not CommitteeEstablished) return (false, null);
        if (AsOf.Fold<Committee>(events, new AsOf.Cut(day, basis), Committee.Fold, (c, v) => c.Version = v) is not { } then) return (true, null);
        var agreement = await AgreementSnapshotAsync(then.AgreementId, ct);
        return (true, new CommitteeRead(then, CommitteeRoster.From(then, day, current: false, agreement)));
    }

    /// <summary>A meeting's record, complete enough to print as its minutes, with its committee; either is null when not found.</summary>
    public async Task<(Committee? Committee, MeetingRecord? Record)> MeetingRecordAsync(Guid committeeId, Guid meetingId, CancellationToken ct)
    {
        var committee = await session.LoadAsync<Committee>(committeeId, ct);
        if (committee?.FindMeeting(meetingId) is not { } meeting) return (committee, null);
        var agreement = await session.LoadAsync<Agreement>(committee.AgreementId, ct);
        return (committee, MeetingRecord.From(committee, meeting, agreement, Today));
    }

    /// <summary>A person's committee assignments today.</summary>
    public async Task<AssignmentsView?> AssignmentsAsync(string personId, CancellationToken ct)
    {
        var (person, committees) = await PersonWithCommitteesAsync(personId, ct);
        return person is null ? null : AssignmentsView.From(person, committees, Today);
    }

    /// <summary>What a person holds across committees (seats, principal roles, action items), with the committees it names.</summary>
    public async Task<(PersonAssignments? Person, IReadOnlyDictionary<Guid, Committee> Committees)> PersonWithCommitteesAsync(string personId, CancellationToken ct)
    {
        var person = await session.LoadAsync<PersonAssignments>(personId, ct);
        if (person is null) return (null, new Dictionary<Guid, Committee>());
        return (person, (await session.LoadManyAsync<Committee>(ct, person.CommitteeIds)).ToDictionary(c => c.Id));
    }

    /// <summary>The workstreams a person is a project officer of, today.</summary>
    public async Task<IReadOnlyList<Workstream>> OfficerWorkstreamsAsync(string personId, CancellationToken ct) =>
        await session.Query<Workstream>().Where(w => w.Officers.Any(o => o.PersonId == personId)).ToListAsync(ct);

    /// <summary>The audit trail of an agreement and its workstreams, and what changed between two days when asked.</summary>
    public async Task<AuditView?> AgreementHistoryAsync(Guid agreementId, DateOnly? from, DateOnly? to, CancellationToken ct,
        AsOfBasis basis = AsOfBasis.Recorded)
    {
        if (await History.OfAgreementAsync(session, agreementId, ct) is not { } found) return null;
        var window = Window(from, to, Today);
        var changes = window is { } w ? Changes.OfAgreement(agreementId, found.Events, w.From, w.To, basis) : null;
        return new AuditView([.. History.TellWithSummaries(found.Events).Reverse()], window, changes?.Workstreams, changes);
    }

    public async Task<AuditView?> WorkstreamHistoryAsync(Guid workstreamId, DateOnly? from, DateOnly? to, CancellationToken ct,
        AsOfBasis basis = AsOfBasis.Recorded)
    {
        var events = await session.Events.FetchStreamAsync(workstreamId, token: ct);
        if (events.Count == 0 || events[0].Data is not WorkstreamOpened) return null;
        var window = Window(from, to, Today);
        return new AuditView([.. History.TellWithSummaries(events).Reverse()], window,
            window is { } w ? [Changes.OfWorkstream(workstreamId, events, w.From, w.To, basis: basis)] : null, null);
    }

    /// <summary>
    /// The review pack of <paramref name="packDate"/> (today when null) on <paramref name="basis"/>: the frozen one when a
    /// pack of that day and basis was frozen (recomputed within its freeze's bounds), otherwise as the day's figures stand.
    /// </summary>
    public async Task<ReviewPackRead?> ReviewPackAsync(Guid agreementId, DateOnly? packDate, AsOfBasis basis, CancellationToken ct)
    {
        var day = packDate ?? Today;
        var frozen = await FrozenPacks.OfAgreementAsync(session, agreementId, ct);
        var shown = frozen.LastOrDefault(f => f.Frozen.PackDate == day && f.Frozen.Basis == basis);
        ReviewPack? pack;
        if (shown.Frozen is { } freeze) pack = await FrozenPacks.RecomputeAsync(session, freeze, ct);
        else if (day == Today && basis == AsOfBasis.Recorded)
            pack = await AgreementAsync(agreementId, null, ct) is { } read ? ReviewPack.From(read, day, basis, StaleAfterDays) : null;
        else pack = (await ReviewPack.ComputeAsync(session, agreementId, new AsOf.Cut(day, basis), StaleAfterDays, ct))?.Pack;
        if (pack is null) return null;
        return new ReviewPackRead(pack, shown.Frozen is null ? null : FrozenReviewPack.Of(shown.Event, shown.Frozen),
            [.. frozen.Select(f => FrozenReviewPack.Of(f.Event, f.Frozen))]);
    }

    /// <summary>
    /// A workstream's money today (its inline money and workstream snapshots) or as it stood when <paramref name="asOf"/>
    /// ended (folded from the events), figured by <see cref="Money.MoneyFigures"/> on that day.
    /// </summary>
    public async Task<Money.WorkstreamMoneyView?> WorkstreamMoneyAsync(Guid id, DateOnly? asOf, CancellationToken ct)
    {
        if (asOf is { } day)
        {
            var (then, moneyThen) = (await AsOf.WorkstreamAsync(session, id, day, ct), await Money.MoneyAsOf.WorkstreamAsync(session, id, day, ct));
            if (then is null || moneyThen is null) return null;
            return Money.MoneyFigures.ForWorkstream(moneyThen, then, await Money.MoneyAsOf.AgreementAsync(session, then.AgreementId, day, ct), day);
        }

        // The workstream names its agreement, so its money and the agreement's settings come in one round trip after it.
        if (await WorkstreamSnapshotAsync(id, ct) is not { } workstream) return null;
        var batch = session.CreateBatchQuery();
        var moneyRead = batch.Load<Money.WorkstreamMoney>(id);
        var settingsRead = batch.Load<Money.AgreementMoney>(workstream.AgreementId);
        await batch.Execute(ct);
        return await moneyRead is { } money ? Money.MoneyFigures.ForWorkstream(money, workstream, await settingsRead, Today) : null;
    }

    /// <summary>An agreement's money, summed over its workstreams, today or as it stood when <paramref name="asOf"/> ended.</summary>
    public async Task<Money.AgreementMoneyView?> AgreementMoneyAsync(Guid id, DateOnly? asOf, CancellationToken ct)
    {
        if (asOf is { } day)
        {
            if (await session.Events.AggregateStreamAsync<Agreement>(id, timestamp: QueryValues.EndOf(day), token: ct) is not { } then) return null;
            var settings = await Money.MoneyAsOf.AgreementAsync(session, id, day, ct);
            var pairs = new List<(Workstream, Money.WorkstreamMoney)>();
            foreach (var reference in then.Workstreams)
            {
                if (await AsOf.WorkstreamAsync(session, reference.WorkstreamId, day, ct) is { } w
                    && await Money.MoneyAsOf.WorkstreamAsync(session, reference.WorkstreamId, day, ct) is { } m)
                    pairs.Add((w, m));
            }
            return settings is null ? null : Money.MoneyFigures.ForAgreement(settings, pairs, day);
        }

        // The agreement's page has read the agreement and its workstreams for the dashboard already: then only the money.
        var whole = _agreementsWhole.TryGetValue(id, out var known) ? known : null;
        var batch = session.CreateBatchQuery();
        var agreementRead = whole is null ? batch.Load<Agreement>(id) : Task.FromResult<Agreement?>(whole.Value.Agreement);
        var settingsRead = batch.Load<Money.AgreementMoney>(id);
        var workstreamsRead = whole is null ? batch.Query<Workstream>().Where(w => w.AgreementId == id).ToList() : Task.FromResult(whole.Value.Workstreams);
        var moneyRead = batch.Query<Money.WorkstreamMoney>().Where(w => w.AgreementId == id).ToList();
        await batch.Execute(ct);
        if (await agreementRead is not { } agreement || await settingsRead is not { } money) return null;
        var order = agreement.Workstreams.Select((w, i) => (w.WorkstreamId, i)).ToDictionary(x => x.WorkstreamId, x => x.i);
        var byId = (await moneyRead).ToDictionary(m => m.Id);
        var joined = (await workstreamsRead)
            .Where(w => byId.ContainsKey(w.Id))
            .OrderBy(w => order.GetValueOrDefault(w.Id, int.MaxValue)).ThenBy(w => w.Code)
            .Select(w => (w, byId[w.Id]))
            .ToList();
        return Money.MoneyFigures.ForAgreement(money, joined, Today);
    }

    /// <summary>Two days in order; a missing end is today, and days given the wrong way round are swapped.</summary>
    private static (DateOnly From, DateOnly To)? Window(DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (from is not { } first) return null;
        var last = to ?? today;
        return first <= last ? (first, last) : (last, first);
    }
}
