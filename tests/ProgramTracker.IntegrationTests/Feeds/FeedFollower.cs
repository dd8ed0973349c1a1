using System.Net;
using System.Text.Json.Nodes;
using Npgsql;

namespace ProgramTracker.IntegrationTests.Feeds;

/// <summary>
/// Another system mirroring ProgramTracker through GET /api/events: it keeps only the last cursor it was given
/// (as it would in its own database) and every event it has seen.
/// </summary>
public sealed class FeedFollower(long cursor = 0, int limit = 100, Guid? agreementId = null)
{
    public long Cursor { get; private set; } = cursor;
    public List<JsonNode> Seen { get; } = [];

    /// <summary>Reads one page from the stored cursor, keeps its events and stores its next cursor.</summary>
    public async Task<int> ReadPageAsync(HttpClient http)
    {
        var url = $"/api/events?after={Cursor}&limit={limit}" + (agreementId is { } a ? $"&agreementId={a}" : "");
        var response = await http.GetAsync(url);
        var page = await response.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Link").ShouldHaveSingleItem().ShouldContain($"after={page["next"]!.GetValue<long>()}");
        var events = page["events"]!.AsArray().Select(e => e!).ToList();
        Seen.AddRange(events);
        var next = page["next"]!.GetValue<long>();
        next.ShouldBeGreaterThanOrEqualTo(Cursor, "the cursor never moves back");
        Cursor = next;
        return events.Count;
    }

    /// <summary>Follows the feed until its cursor has passed <paramref name="sequence"/> (the feed trails the high water mark).</summary>
    public async Task FollowUntilAsync(HttpClient http, long sequence, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(30));
        while (Cursor < sequence)
        {
            if (await ReadPageAsync(http) == 0 && Cursor < sequence)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, $"the feed's cursor stayed at {Cursor}, below {sequence}");
                await Task.Delay(50);
            }
        }
    }

    public IEnumerable<long> Sequences => Seen.Select(e => long.Parse(e["sequence"]!.GetValue<string>()));

    /// <summary>The sequences the event store holds for these streams, in order, read straight from PostgreSQL.</summary>
    public static async Task<List<long>> StoredSequencesAsync(string connectionString, IEnumerable<Guid> streams)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select seq_id from programtracker.mt_events where stream_id = any(@s) order by seq_id", conn);
        cmd.Parameters.AddWithValue("s", streams.ToArray());
        var sequences = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sequences.Add(reader.GetInt64(0));
        return sequences;
    }

    public static async Task<long> NewestSequenceAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select coalesce(max(seq_id), 0) from programtracker.mt_events", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
