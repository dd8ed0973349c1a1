using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Mail;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>
/// A mail server that does not answer: the mail is tried again with the back-off, then given up on, put in the
/// dead-letter queue, recorded as failed with the error, and counted; nothing is lost silently.
/// </summary>
public sealed class when_the_mail_server_is_down(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_mail_is_retried_then_dead_lettered_and_counted()
    {
        var smtp = await TestSmtpServer.StartAsync();
        await smtp.StopAsync();
        await using var host = await SeparateHost.StartAsync(App, "Testing", new Dictionary<string, string>
        {
            ["ProgramTracker:Mail:Host"] = smtp.Host,
            ["ProgramTracker:Mail:Port"] = smtp.Port.ToString(),
            ["ProgramTracker:Mail:Tls"] = "none",
            ["ProgramTracker:Mail:RetryDelays"] = "00:00:00.1,00:00:00.2",
        });
        using var failed = new CounterWatch("programtracker.mail.failed");
        var mail = MailWorld.LaoDigest(kinds: [ReminderKind.Meetings, ReminderKind.MeetingOutcomes]);

        await MailWorld.PublishInTransactionAsync(host.Services, mail);

        var record = await MailWorld.OutcomeAsync(host.Services, mail.Id, m => m.Outcome == MailOutcome.Failed, "the mail recorded as failed");
        record.Attempts.ShouldBe(3);
        record.Error.ShouldNotBeNull();
        record.Error.ShouldContain("Socket");
        (await PollUntil(async () => await MailWorld.DeadLettersAsync(host.ConnectionString) == 1, TimeSpan.FromSeconds(10)))
            .ShouldBeTrue("the mail is in the dead-letter queue");
        failed.Of("MeetingOutcomes,Meetings").ShouldBe(1);
    }
}
