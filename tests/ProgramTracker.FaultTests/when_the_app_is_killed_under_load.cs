using ProgramTracker.Api.Hosting;
using Xunit.Abstractions;

namespace ProgramTracker.FaultTests;

public class when_the_app_is_killed_under_load(ITestOutputHelper output)
{
    [Fact]
    public async Task no_acknowledged_command_is_lost_and_none_is_half_applied()
    {
        await using var postgres = await EmbeddedPostgres.StartThrowawayAsync("tests-kill");
        await using var app = new AppProcess("app", FaultSettings.AppEnvironment(postgres.ConnectionString));
        try
        {
            var load = new CommandLoad(() => app.Http);
            var readyTimes = new List<TimeSpan> { await app.StartAsync(FaultSettings.ReadyBound) };
            await load.SetUpAsync(agreements: 4, workstreamsEach: 2);
            var random = new Random(FaultSettings.FuzzSeed);

            for (var kill = 1; kill <= FaultSettings.Kills; kill++)
            {
                using var stop = new CancellationTokenSource();
                var writers = load.RunAsync(writers: 8, stop.Token);
                // Kill only once writes are flowing (a fresh process compiles its endpoints on first use), then at a random moment.
                var acknowledgedBefore = load.Attempts.Count(a => a.Acknowledged);
                await PollUntil(() => Task.FromResult(load.Attempts.Count(a => a.Acknowledged) >= acknowledgedBefore + 10),
                    FaultSettings.ReadyBound, TimeSpan.FromMilliseconds(20));
                load.Attempts.Count(a => a.Acknowledged).ShouldBeGreaterThanOrEqualTo(acknowledgedBefore + 10, $"writes were not flowing before kill {kill}");
                await Task.Delay(random.Next(500));

                app.Kill();
                await stop.CancelAsync();
                await writers;
                readyTimes.Add(await app.StartAsync(FaultSettings.ReadyBound));
            }

            var attempts = load.Attempts.ToList();
            output.WriteLine($"{FaultSettings.Kills} kills; {attempts.Count} commands: {attempts.Count(a => a.Acknowledged)} acknowledged, " +
                             $"{attempts.Count(a => a.Refused)} refused, {attempts.Count(a => a.Status is null)} unanswered; " +
                             $"ready after {string.Join(", ", readyTimes.Select(t => $"{t.TotalSeconds:0.0} s"))}");
            attempts.ShouldNotContain(a => a.Status >= 500, "a command got a 5xx while the app was up");
            await StoreChecks.ShouldHoldExactlyTheAcknowledgedAsync(postgres.ConnectionString, attempts);
            await StoreChecks.ShouldHaveWholeStreamsAsync(postgres.ConnectionString);
            await StoreChecks.ShouldHaveCaughtUpAsync(postgres.ConnectionString, FaultSettings.ReadyBound);
            await StoreChecks.ShouldHaveAnIntactAuditChainAsync(postgres.ConnectionString);
        }
        catch
        {
            output.WriteLine(app.Output);
            throw;
        }
    }
}
