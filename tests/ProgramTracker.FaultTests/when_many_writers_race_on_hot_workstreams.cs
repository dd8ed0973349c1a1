using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using ProgramTracker.Api.Workstreams;
using Xunit.Abstractions;

namespace ProgramTracker.FaultTests;

[Collection(InProcessCollection.Name)]
public partial class when_many_writers_race_on_hot_workstreams(InProcessApp app, ITestOutputHelper output)
{
    private const int Writers = 32;
    private const int CommandsPerWriter = 12;

    [Fact]
    public async Task every_acknowledged_command_lands_once_and_the_snapshots_equal_a_rebuild()
    {
        var http = app.CreateClient();
        var agreement = await http.RegisteredAgreement(Bodies.Agreement());
        var hot = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = Guid.CreateVersion7();
            (await http.PostAsJsonAsync($"/api/agreements/{agreement}/workstreams", Bodies.Workstream(id))).EnsureSuccessStatusCode();
            hot.Add(id);
        }

        var attempts = new ConcurrentQueue<(Attempt Attempt, long? Version)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var client = app.CreateClient();
            var withIfMatch = w % 2 == 0;
            await start.Task;
            for (var c = 0; c < CommandsPerWriter; c++)
            {
                var workstream = hot[(w + c) % hot.Count];
                var milestone = Guid.CreateVersion7();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workstreams/{workstream}/milestones")
                {
                    Content = JsonContent.Create(Bodies.Milestone(milestone)),
                };
                if (withIfMatch)
                {
                    using var read = await client.GetAsync($"/api/workstreams/{workstream}");
                    request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
                }
                using var response = await client.SendAsync(request);
                long? version = response.IsSuccessStatusCode
                    ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!.GetValue<long>()
                    : null;
                attempts.Enqueue((new Attempt(CommandKind.PlanMilestone, milestone, workstream, (int)response.StatusCode), version));
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        var all = attempts.ToList();
        output.WriteLine(string.Join(", ", all.GroupBy(a => a.Attempt.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        all.Count.ShouldBe(Writers * CommandsPerWriter);
        all.Select(a => a.Attempt.Status).Distinct().ShouldAllBe(s => s == 201 || s == 409 || s == 412);
        all.Count(a => a.Attempt.Acknowledged).ShouldBeGreaterThanOrEqualTo(hot.Count);

        // Two acknowledged commands on one stream never claim the same version.
        foreach (var stream in all.Where(a => a.Attempt.Acknowledged).GroupBy(a => a.Attempt.Target))
        {
            stream.Select(a => a.Version).ShouldBeUnique();
        }

        await StoreChecks.ShouldHoldExactlyTheAcknowledgedAsync(app.ConnectionString, all.Select(a => a.Attempt));
        await StoreChecks.ShouldHaveWholeStreamsAsync(app.ConnectionString);

        await using var session = app.Store.QuerySession();
        foreach (var id in hot)
        {
            var snapshot = await session.LoadAsync<Workstream>(id);
            var rebuilt = await session.Events.AggregateStreamAsync<Workstream>(id);
            snapshot.ShouldNotBeNull();
            rebuilt.ShouldNotBeNull();
            snapshot.Milestones.Count.ShouldBe(all.Count(a => a.Attempt.Acknowledged && a.Attempt.Target == id));
            var (inline, replayed) = (Comparable(snapshot), Comparable(rebuilt));
            inline.ShouldBe(replayed, $"workstream {id}: the inline snapshot differs from a rebuild from its events at: {Difference(inline, replayed)}");
        }
    }

    // PostgreSQL keeps timestamps to the microsecond, .NET to the tenth of one: the snapshot was folded from the
    // event before it was stored, the rebuild from the stored event. Compare times to the microsecond (and write
    // them all with six digits, since JSON drops trailing zeros).
    private static string Comparable(Workstream workstream) =>
        Fraction().Replace(JsonSerializer.Serialize(workstream),
            m => $"{m.Groups[1].Value}.{(m.Groups[2].Success ? m.Groups[2].Value : "").PadRight(7, '0')[..6]}");

    [System.Text.RegularExpressions.GeneratedRegex(@"(T\d{2}:\d{2}:\d{2})(?:\.(\d+))?")]
    private static partial System.Text.RegularExpressions.Regex Fraction();

    private static string Difference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        var from = Math.Max(0, i - 60);
        return $"…{a[from..Math.Min(a.Length, i + 60)]}… vs …{b[from..Math.Min(b.Length, i + 60)]}…";
    }
}
