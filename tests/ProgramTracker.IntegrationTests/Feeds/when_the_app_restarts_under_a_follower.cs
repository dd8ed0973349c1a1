using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ProgramTracker.IntegrationTests.Feeds;

/// <summary>
/// The app stops and a new host starts on the same database (its own, so no two Solo nodes ever share one event
/// store) while another system follows the feed with nothing but its stored cursor.
/// </summary>
public class when_the_app_restarts_under_a_follower(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_follower_resumes_from_its_stored_cursor_and_misses_nothing()
    {
        var database = $"feed_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(App.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Database = database }.ConnectionString;
        try
        {
            var streams = new List<Guid>();
            var follower = new FeedFollower(limit: 2);

            await using (var first = Host(connectionString))
            {
                using var http = first.CreateClient();
                var agreementId = await http.RegisteredAgreement();
                var workstreamId = await http.OpenedWorkstream(agreementId);
                streams.AddRange([agreementId, workstreamId]);
                for (var i = 0; i < 3; i++) await http.PlannedMilestone(workstreamId);
                var stored = await FeedFollower.StoredSequencesAsync(connectionString, streams);
                await follower.FollowUntilAsync(http, stored[2]);
                follower.Cursor.ShouldBeLessThan(stored[^1], "the follower stops part way");
            }

            var cursor = follower.Cursor;
            var resumed = new FeedFollower(cursor, limit: 2);
            await using (var second = Host(connectionString))
            {
                using var http = second.CreateClient();
                var workstreamId = await http.OpenedWorkstream(streams[0]);
                streams.Add(workstreamId);
                await http.PlannedMilestone(workstreamId);
                var stored = await FeedFollower.StoredSequencesAsync(connectionString, streams);
                await resumed.FollowUntilAsync(http, stored[^1]);

                var mine = streams.Select(s => s.ToString()).ToHashSet();
                var seen = follower.Seen.Concat(resumed.Seen).Where(e => mine.Contains(e["subject"]!.GetValue<string>())).ToList();
                seen.Select(e => long.Parse(e["sequence"]!.GetValue<string>())).ShouldBe(stored, "every event once, in order, across the restart");
                seen.Select(e => e["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(stored.Count);
            }
        }
        finally
        {
            await using var admin = new NpgsqlConnection(App.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static InProcessHost Host(string connectionString) =>
        InProcessHost.Start(connectionString, configure: web =>
        {
            web.UseSetting("Logging:LogLevel:Default", "Critical");
            web.UseSetting("ProgramTracker:SampleData:LoadOnStart", "false");
        });
}
