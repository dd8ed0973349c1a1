using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.IntegrationTests.Committees;
using ProgramTracker.IntegrationTests.Workstreams;
using Wolverine.Tracking;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>A host of its own on a database of its own, stopped and started again on the same database.</summary>
public class when_the_app_restarts_between_runs(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_day_run_before_and_after_a_restart_sends_one_digest_and_one_daily_run_stays_scheduled()
    {
        var day = WorkstreamWrites.Today.AddDays(3);
        var person = CommitteeScenarios.NewPersonId("restart");
        var connectionString = await TestPostgres.NewDatabaseAsync(App.ConnectionString, "reminders");
        try
        {
            await using (var before = InProcessHost.Start(connectionString))
            {
                using var http = before.CreateClient();
                await http.OfficerWithMilestone(person, "Nguyễn Văn An", day, dueInDays: -1);
                await before.Store.Profile(person, "an@example.vn", "vi");

                var (first, published) = await before.Services.RunDay(http, day);
                first.Sent.ShouldBe([person]);
                var mail = published.ShouldHaveSingleItem();
                mail.Subject.ShouldStartWith("ProgramTracker: nhắc việc của bạn ngày ");
                mail.TextBody.ShouldContain("đã quá hạn");

                var (second, republished) = await before.Services.RunDay(http, day);
                second.Sent.ShouldBeEmpty();
                second.AlreadySent.ShouldBe(1);
                republished.ShouldBeEmpty();
                (await Reminding.ScheduledDailyRuns(connectionString)).ShouldBe(1);
            }

            await using var after = InProcessHost.Start(connectionString);
            using var again = after.CreateClient();
            var (third, afterRestart) = await after.Services.RunDay(again, day);
            third.Sent.ShouldBeEmpty();
            third.AlreadySent.ShouldBe(1);
            afterRestart.ShouldBeEmpty();
            // The restarted node found the daily run waiting and did not schedule a second.
            (await Reminding.ScheduledDailyRuns(connectionString)).ShouldBe(1);

            // The daily job itself, for the next day: the person's next digest, and still one run waiting after it.
            var next = day.AddDays(1);
            var tracked = await after.Services.GetRequiredService<IHost>().InvokeMessageAndWaitAsync(new SendDailyDigests(next), 60_000);
            var nextMail = tracked.AllRecordsInOrder().Select(r => r.Envelope?.Message).OfType<OutgoingMail>().DistinctBy(m => m.Id).ShouldHaveSingleItem();
            nextMail.Id.ShouldBe($"digest:{person}:{next:yyyy-MM-dd}");
            (await after.Store.DigestSent(person, next)).ShouldNotBeNull();
            (await Reminding.ScheduledDailyRuns(connectionString)).ShouldBe(1);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(App.ConnectionString, new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!);
        }
    }
}
