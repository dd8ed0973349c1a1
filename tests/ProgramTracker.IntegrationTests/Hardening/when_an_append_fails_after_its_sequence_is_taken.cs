using System.Diagnostics;
using Marten;
using Npgsql;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.IntegrationTests.Hardening;

/// <summary>
/// Where the events with a -infinity timestamp came from: when a save fails after its append took sequence
/// numbers (a later statement of the batch fails, or the connection drops during a database restart), Marten
/// fills those numbers with tombstone events. It builds them without a timestamp, .NET's minimum date, which
/// Npgsql writes as -infinity. The event store now gives every inserted event a real time.
/// </summary>
public sealed class when_an_append_fails_after_its_sequence_is_taken(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_tombstone_marten_writes_for_it_has_a_real_time()
    {
        var workstream = await Http.OpenedWorkstream(await Http.RegisteredAgreement());
        var taken = new IdempotentRequest { Id = $"taken-{Guid.NewGuid():N}", RequestHash = "x", At = DateTimeOffset.UtcNow };
        await using (var first = App.Store.LightweightSession())
        {
            first.Insert(taken);
            await first.SaveChangesAsync();
        }
        var highest = await Scalar<long>("select max(seq_id) from programtracker.mt_events");
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);

        await using (var failing = App.Store.LightweightSession())
        {
            var stream = await failing.Events.FetchForWriting<Workstream>(workstream);
            stream.AppendOne(new ProjectOfficerAssigned(workstream, stream.Aggregate!.AgreementId, "tombstone-test", "Tombstone test"));
            failing.Insert(new IdempotentRequest { Id = taken.Id, RequestHash = "y", At = DateTimeOffset.UtcNow });
            await Should.ThrowAsync<Exception>(() => failing.SaveChangesAsync());
        }

        // Marten writes tombstones in the background, retrying until the database takes them.
        var watch = Stopwatch.StartNew();
        long tombstones;
        while ((tombstones = await Scalar<long>($"select count(*) from programtracker.mt_events where type = 'tombstone' and seq_id > {highest}")) == 0
               && watch.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(100);

        tombstones.ShouldBeGreaterThan(0, "Marten wrote no tombstone for the failed append");
        (await Scalar<long>($"select count(*) from programtracker.mt_events where seq_id > {highest} and not isfinite(timestamp)")).ShouldBe(0);
        (await Scalar<DateTime>($"select min(timestamp) from programtracker.mt_events where type = 'tombstone' and seq_id > {highest}"))
            .ShouldBeGreaterThan(started.UtcDateTime);
    }

    private async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
