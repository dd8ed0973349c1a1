using System.Diagnostics;
using System.Net.Http.Json;
using ProgramTracker.Api.Hosting;
using Xunit.Abstractions;

namespace ProgramTracker.FaultTests;

public class when_the_database_restarts_under_load(ITestOutputHelper output)
{
    [Fact]
    public async Task the_app_recovers_by_itself_and_loses_no_acknowledged_command()
    {
        await using var postgres = await EmbeddedPostgres.StartThrowawayAsync("tests-dbrestart");
        await using var app = new AppProcess("app", FaultSettings.AppEnvironment(postgres.ConnectionString));
        try
        {
            var load = new CommandLoad(() => app.Http);
            await app.StartAsync(FaultSettings.ReadyBound);
            await load.SetUpAsync(agreements: 4, workstreamsEach: 2);

            using var stop = new CancellationTokenSource();
            var writers = load.RunAsync(writers: 8, stop.Token);
            await Task.Delay(1000);
            var acknowledgedBeforeRestart = load.Attempts.Count(a => a.Acknowledged);
            acknowledgedBeforeRestart.ShouldBeGreaterThan(0);

            await postgres.RestartAsync(downtime: TimeSpan.FromSeconds(1));
            var sinceRestart = Stopwatch.StartNew();
            (await app.WaitReadyAsync(FaultSettings.ReadyBound)).ShouldBeTrue($"/health/ready was not 200 within {FaultSettings.ReadyBound.TotalSeconds} s of the restart");
            var ready = sinceRestart.Elapsed;

            // Ready is not enough: the app's own connection pool must have let go of the dead connections.
            var writing = await FirstAcceptedWriteAsync(app, load, FaultSettings.ReadyBound);
            writing.ShouldNotBeNull($"no write succeeded within {FaultSettings.ReadyBound.TotalSeconds} s after the restart");
            await Task.Delay(1000);
            await stop.CancelAsync();
            await writers;

            var attempts = load.Attempts.ToList();
            var afterRecovery = attempts.Skip(attempts.Count / 2).Count(a => a.Acknowledged);
            output.WriteLine($"{attempts.Count} commands: {attempts.Count(a => a.Acknowledged)} acknowledged ({acknowledgedBeforeRestart} before the restart), " +
                             $"{attempts.Count(a => a.Refused)} refused, {attempts.Count(a => a.Status >= 500)} 5xx, {attempts.Count(a => a.Status is null)} unanswered; " +
                             $"ready {ready.TotalSeconds:0.0} s and writing {writing!.Value.TotalSeconds:0.0} s after the database came back");
            afterRecovery.ShouldBeGreaterThan(0);
            await StoreChecks.ShouldHoldExactlyTheAcknowledgedAsync(postgres.ConnectionString, attempts);
            await StoreChecks.ShouldHaveWholeStreamsAsync(postgres.ConnectionString);
            await StoreChecks.ShouldHaveCaughtUpAsync(postgres.ConnectionString, FaultSettings.ReadyBound);
            await StoreChecks.ShouldHaveAnIntactAuditChainAsync(postgres.ConnectionString);
            output.WriteLine($"daemon progression: {await StoreChecks.ProgressionAsync(postgres.ConnectionString)}");
        }
        catch
        {
            output.WriteLine(app.Output);
            throw;
        }
    }

    private static async Task<TimeSpan?> FirstAcceptedWriteAsync(AppProcess app, CommandLoad load, TimeSpan bound)
    {
        var workstream = load.Workstreams[0];
        var accepted = await PollUntil(async () =>
        {
            try
            {
                using var response = await app.Http.PostAsJsonAsync($"/api/workstreams/{workstream}/milestones", Bodies.Milestone(Guid.CreateVersion7()));
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, met => met, bound);
        return accepted.Met ? accepted.Elapsed : null;
    }
}
