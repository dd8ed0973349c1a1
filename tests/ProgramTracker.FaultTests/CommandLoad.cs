using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.FaultTests;

public enum CommandKind
{
    AddWorkstream,
    PlanMilestone,
}

/// <summary>
/// One command a writer sent. Its id is chosen by the client (the new workstream's or milestone's id), so the
/// test can look for exactly its events in the store. <see cref="Status"/> is null when no answer came back.
/// </summary>
public sealed record Attempt(CommandKind Kind, Guid Id, Guid Target, int? Status)
{
    public bool Acknowledged => Status is >= 200 and < 300;
    public bool Refused => Status is >= 400 and < 500;
}

/// <summary>
/// Writers that keep adding workstreams to a few agreements and planning milestones on the workstreams known so
/// far, through whatever client <see cref="_http"/> gives them at the moment, recording every answer.
/// </summary>
public sealed class CommandLoad(Func<HttpClient> http)
{
    private readonly Func<HttpClient> _http = http;
    private readonly List<Guid> _agreements = [];
    private readonly List<Guid> _workstreams = [];

    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    public IReadOnlyList<Guid> Workstreams
    {
        get { lock (_workstreams) return [.. _workstreams]; }
    }

    public async Task SetUpAsync(int agreements, int workstreamsEach)
    {
        for (var a = 0; a < agreements; a++)
        {
            var agreementId = await _http().RegisteredAgreement(Bodies.Agreement());
            _agreements.Add(agreementId);
            for (var w = 0; w < workstreamsEach; w++) await AddWorkstreamAsync(Random.Shared);
        }
    }

    /// <summary>Runs <paramref name="writers"/> writers until cancelled; a writer whose request fails moves on.</summary>
    public Task RunAsync(int writers, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(async i =>
        {
            var random = new Random(i * 7919 + Environment.TickCount);
            while (!ct.IsCancellationRequested)
            {
                if (random.Next(10) < 3) await AddWorkstreamAsync(random, ct);
                else await PlanMilestoneAsync(random, ct);
            }
        }));

    private async Task AddWorkstreamAsync(Random random, CancellationToken ct = default)
    {
        Guid agreementId;
        lock (_agreements) agreementId = _agreements[random.Next(_agreements.Count)];
        var id = Guid.CreateVersion7();
        var status = await SendAsync($"/api/agreements/{agreementId}/workstreams", Bodies.Workstream(id), ct);
        Attempts.Enqueue(new Attempt(CommandKind.AddWorkstream, id, agreementId, status));
        if (status is >= 200 and < 300)
        {
            lock (_workstreams) _workstreams.Add(id);
        }
    }

    private async Task PlanMilestoneAsync(Random random, CancellationToken ct)
    {
        Guid workstreamId;
        lock (_workstreams)
        {
            if (_workstreams.Count == 0) return;
            workstreamId = _workstreams[random.Next(_workstreams.Count)];
        }
        var id = Guid.CreateVersion7();
        var status = await SendAsync($"/api/workstreams/{workstreamId}/milestones", Bodies.Milestone(id), ct);
        Attempts.Enqueue(new Attempt(CommandKind.PlanMilestone, id, workstreamId, status));
    }

    private async Task<int?> SendAsync(string url, object body, CancellationToken ct)
    {
        try
        {
            using var response = await _http().PostAsJsonAsync(url, body, CancellationToken.None);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            // The app died (or the database went away) before answering: the command may or may not have landed.
            if (!ct.IsCancellationRequested) await Task.Delay(20, CancellationToken.None);
            return null;
        }
    }
}

/// <summary>Valid request bodies for the write endpoints.</summary>
public static class Bodies
{
    public static object Agreement(string? code = null) => new
    {
        code = code ?? $"F-{Guid.NewGuid():N}"[..20],
        title = new { en = "Fault-test agreement", lo = "ບົດບັນທຶກ" },
        parties = new object[]
        {
            new { partyId = "vn-moha", name = new { en = "Ministry of Home Affairs" }, country = "VN" },
            new { partyId = "la-moha", name = new { en = "Ministry of Home Affairs" }, country = "LA" },
        },
        signedOn = "2023-05-23",
        validity = new { from = "2023-01-01", to = "2030-12-31" },
    };

    public static object Workstream(Guid id) => new
    {
        code = $"W-{id:N}"[..30],
        title = new { en = "Staff capacity" },
        workstreamId = id,
    };

    public static object Milestone(Guid id, string due = "2025-06-30") => new
    {
        title = new { en = "Delegation received" },
        dueDate = due,
        weight = 1,
        milestoneId = id,
    };
}
