using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Benchmarks;

public static class Commands
{
    /// <summary>
    /// The benchmark's "record a milestone's progress" command: POST .../milestones/{mid}/progress (one event on the
    /// workstream stream, inline snapshot, no If-Match). Answers the workstream's new version.
    /// </summary>
    public static async Task<long> RecordProgressAsync(HttpClient http, Guid workstreamId, Guid milestoneId, int i)
    {
        var (url, body) = ProgressRequest(workstreamId, milestoneId, i);
        using var response = await http.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["version"]!.GetValue<long>();
    }

    public static (string Url, object Body) PlanMilestoneRequest(Guid workstreamId) =>
        ($"/api/workstreams/{workstreamId}/milestones",
            new { title = new { en = "Delegation received" }, dueDate = "2025-06-30", weight = 1, milestoneId = Guid.CreateVersion7() });

    public static (string Url, object Body) ProgressRequest(Guid workstreamId, Guid milestoneId, int i) =>
        ($"/api/workstreams/{workstreamId}/milestones/{milestoneId}/progress", new { percent = i % 100, narrative = "On track" });

    /// <summary>A workstream with one planned milestone, through the API: (workstream id, milestone id).</summary>
    public static async Task<(Guid Workstream, Guid Milestone)> WorkstreamAsync(HttpClient http, Guid agreementId)
    {
        var ws = await IdOf(await http.PostAsJsonAsync($"/api/agreements/{agreementId}/workstreams",
            new { code = $"W-{Guid.NewGuid():N}"[..24], title = new { en = "Staff capacity" } }));
        var milestone = await IdOf(await http.PostAsJsonAsync($"/api/workstreams/{ws}/milestones",
            new { title = new { en = "Delegation received" }, dueDate = "2025-06-30", weight = 1 }));
        return (ws, milestone);
    }

    /// <summary>Grows a workstream's stream to <paramref name="events"/> events with progress reports, straight through Marten.</summary>
    public static async Task GrowStreamAsync(IDocumentStore store, Guid workstreamId, Guid agreementId, Guid milestoneId, int events)
    {
        await using (var query = store.QuerySession())
        {
            var state = await query.Events.FetchStreamStateAsync(workstreamId);
            events -= (int)state!.Version;
        }
        var date = new DateOnly(2024, 1, 1);
        for (var done = 0; done < events; done += 1000)
        {
            await using var session = store.LightweightSession();
            session.Events.Append(workstreamId, Enumerable.Range(done, Math.Min(1000, events - done))
                .Select(i => (object)new MilestoneProgressReported(workstreamId, agreementId, milestoneId, i % 100, "Progress", null, date)).ToArray());
            await session.SaveChangesAsync();
        }
    }

    /// <summary>
    /// Loads agreements × 5 workstreams × 10 milestones, and a committee of 4 members for each agreement, straight
    /// through Marten (inline projections included), two batches at a time. The first <paramref name="officerOn"/>
    /// workstreams get <paramref name="officer"/> as their project officer. With <paramref name="tail"/> (12 hex digits)
    /// every id, agreement code and member's person id ends in it, so that <see cref="PortfolioClone"/> can copy the rows
    /// with one text replacement per copy.
    /// </summary>
    public static async Task<Portfolio> LoadPortfolioAsync(IDocumentStore store, int agreements, int from = 0, string? officer = null, int officerOn = 0,
        string? tail = null)
    {
        Guid NewId() => tail is null ? Guid.CreateVersion7() : new Guid($"{Guid.CreateVersion7():N}"[..20] + tail);
        var portfolio = new Portfolio([], [], []);
        var parties = new List<Party>
        {
            new("vn-moha", new LocalizedText(En: "Ministry of Home Affairs"), "VN"),
            new("la-moha", new LocalizedText(En: "Ministry of Home Affairs"), "LA"),
        };
        var officered = 0;
        var batches = Enumerable.Range(0, (agreements + 19) / 20).Select(b => from + b * 20).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, ct) =>
        {
            var loaded = new Portfolio([], [], []);
            await using var session = store.LightweightSession();
            for (var a = batch; a < Math.Min(from + agreements, batch + 20); a++)
            {
                var agreementId = NewId();
                var events = new List<object>
                {
                    new AgreementRegistered(agreementId, tail is null ? $"P-{a:D6}-{Guid.NewGuid():N}"[..20] : $"P{a:D5}-{tail}", new LocalizedText(En: $"Agreement {a}"), parties,
                        PartialDate.Parse("2023-05-23"), null, new ValidityPeriod(PartialDate.Parse("2023"), PartialDate.Parse("2030")),
                        AgreementStatus.Signed, null, null, false),
                };
                for (var w = 0; w < 5; w++)
                {
                    var workstreamId = NewId();
                    var code = $"WS-{w}";
                    events.Add(new WorkstreamAdded(agreementId, workstreamId, code));
                    var wsEvents = new List<object>
                    {
                        new WorkstreamOpened(workstreamId, agreementId, code, new LocalizedText(En: $"Workstream {w}"), null, "vn-moha", null, null, false),
                    };
                    for (var m = 0; m < 10; m++)
                    {
                        wsEvents.Add(new MilestonePlanned(workstreamId, agreementId, NewId(), new LocalizedText(En: $"Milestone {m}"),
                            new DateOnly(2024, 1, 1).AddMonths(m * 3), 1, false));
                    }
                    if (officer is not null && Interlocked.Increment(ref officered) <= officerOn)
                        wsEvents.Add(new ProjectOfficerAssigned(workstreamId, agreementId, officer, "Benchmark officer"));
                    session.Events.StartStream<Workstream>(workstreamId, wsEvents.ToArray());
                    loaded.Workstreams.Add(workstreamId);
                }
                session.Events.StartStream<Agreement>(agreementId, events.ToArray());
                loaded.Agreements.Add(agreementId);

                var committeeId = NewId();
                var committee = new List<object>
                {
                    new CommitteeEstablished(committeeId, agreementId, null, new LocalizedText(En: $"Steering committee {a}"),
                        new LocalizedText(En: "Oversees the agreement"), QuorumRule.Majority, PartialDate.Parse("2023-06"), [], [], false),
                };
                for (var p = 0; p < 4; p++)
                {
                    committee.Add(new MemberAppointed(committeeId, agreementId, tail is null ? $"bench-{a}-{p}" : $"bench-{a}-{p}-{tail}", $"Member {p}", p == 0 ? CommitteeRole.Chair : CommitteeRole.Member,
                        p % 2 == 0 ? "vn-moha" : "la-moha", null, new DateOnly(2023, 6, 1)));
                }
                session.Events.StartStream<Committee>(committeeId, committee.ToArray());
                loaded.Committees.Add(committeeId);
            }
            await session.SaveChangesAsync(ct);
            lock (portfolio)
            {
                portfolio.Agreements.AddRange(loaded.Agreements);
                portfolio.Workstreams.AddRange(loaded.Workstreams);
                portfolio.Committees.AddRange(loaded.Committees);
            }
        });
        return portfolio;
    }

    /// <summary>What a workstream's last command left in the database: its snapshot, and its last event's data and headers (bytes of JSON).</summary>
    public static async Task<StoredSizes> StoredSizesAsync(Npgsql.NpgsqlDataSource db, Guid workstreamId)
    {
        await using var cmd = db.CreateCommand($"""
            select (select octet_length(data::text) from {ProgramTracker.Api.Hosting.MartenSetup.Schema}.mt_doc_workstream where id = $1),
                   octet_length(data::text), coalesce(octet_length(headers::text), 0)
            from {ProgramTracker.Api.Hosting.MartenSetup.Schema}.mt_events where stream_id = $1 order by version desc limit 1
            """);
        cmd.Parameters.AddWithValue(workstreamId);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredSizes(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }
}

public sealed record StoredSizes(int Snapshot, int EventData, int EventHeaders)
{
    public string Describe() => $"writes a snapshot of {Snapshot:N0} B, event data {EventData:N0} B, headers {EventHeaders:N0} B";
}

public sealed record Portfolio(List<Guid> Agreements, List<Guid> Workstreams, List<Guid> Committees)
{
    public void Add(Portfolio more)
    {
        Agreements.AddRange(more.Agreements);
        Workstreams.AddRange(more.Workstreams);
        Committees.AddRange(more.Committees);
    }
}
