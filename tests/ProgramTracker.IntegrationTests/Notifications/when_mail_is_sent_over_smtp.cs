using System.Net;
using System.Net.Http.Json;
using MimeKit;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Mail;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>
/// Delivery against a real SMTP server started by the test (the SmtpServer package, on a loopback port): a digest
/// written in Lao arrives in Lao, once, with a Message-ID its id decides; a server that answers "try again later"
/// gets the mail on a later attempt; an outbox page says where mail goes.
/// </summary>
public sealed class when_mail_is_sent_over_smtp(AppFixture app) : IntegrationContext(app), IAsyncLifetime
{
    private TestSmtpServer _smtp = null!;
    private SeparateHost _host = null!;

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        _host = await SeparateHost.StartAsync(App, "Testing", new Dictionary<string, string>
        {
            ["ProgramTracker:Mail:Host"] = _smtp.Host,
            ["ProgramTracker:Mail:Port"] = _smtp.Port.ToString(),
            ["ProgramTracker:Mail:Tls"] = "none",
            ["ProgramTracker:Mail:SenderAddress"] = "tracker@mpt.gov.la",
            ["ProgramTracker:Mail:SenderName"] = "ProgramTracker",
            ["ProgramTracker:PublicUrl"] = "https://tracker.mpt.gov.la",
            ["ProgramTracker:Mail:RetryDelays"] = "00:00:00.2,00:00:00.5,00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task a_digest_in_lao_arrives_in_lao_once()
    {
        using var sent = new CounterWatch("programtracker.mail.sent");
        var mail = MailWorld.LaoDigest(kinds: [ReminderKind.Milestones, ReminderKind.ActionItems]);

        await MailWorld.PublishInTransactionAsync(_host.Services, mail);
        var message = (await _smtp.WaitForAsync(1)).Single(m => m.Subject == MailWorld.LaoSubject);

        message.To.Mailboxes.Single().Address.ShouldBe("bounmy@mpt.gov.la");
        message.To.Mailboxes.Single().Name.ShouldBe("ບຸນມີ ສີສະຫວາດ");
        message.From.Mailboxes.Single().Address.ShouldBe("tracker@mpt.gov.la");
        message.TextBody!.ShouldContain(MailWorld.LaoText);
        message.TextBody!.ShouldContain("ເລືອກການແຈ້ງເຕືອນທີ່ທ່ານຕ້ອງການ");
        message.HtmlBody!.ShouldContain("ຕິດຕັ້ງເຊີບເວີ");
        message.HtmlBody!.ShouldContain("lang=\"lo\"");
        message.BodyParts.OfType<TextPart>().Select(p => p.ContentType.Charset).Distinct().ShouldBe(["utf-8"]);
        message.BodyParts.Select(p => p.Headers[HeaderId.ContentLanguage]).Distinct().ShouldBe(["lo"]);
        message.Headers["List-Unsubscribe"].ShouldBe("<https://tracker.mpt.gov.la/me/notifications>");
        message.MessageId.ShouldBe(MailMessages.MessageId(mail.Id, "tracker@mpt.gov.la"));
        message.MessageId.ShouldEndWith("@mpt.gov.la");

        var record = await MailWorld.OutcomeAsync(_host.Services, mail.Id, m => m.Outcome == MailOutcome.Sent, "the mail recorded as sent");
        record.PersonId.ShouldBe("officer-lo");
        record.Kinds.ShouldBe([ReminderKind.Milestones, ReminderKind.ActionItems]);
        sent.Of("ActionItems,Milestones").ShouldBe(1);

        // The same mail again (a restart, a second node) is not sent again; the queue is sequential, so once the
        // next mail has arrived the duplicate has been handled.
        await MailWorld.PublishInTransactionAsync(_host.Services, mail);
        var next = MailWorld.LaoDigest();
        await MailWorld.PublishInTransactionAsync(_host.Services, next);
        var all = await _smtp.WaitForAsync(2);
        all.Count(m => m.MessageId == message.MessageId).ShouldBe(1);
        all.Count(m => m.MessageId == MailMessages.MessageId(next.Id, "tracker@mpt.gov.la")).ShouldBe(1);
    }

    [Fact]
    public async Task a_server_that_says_try_again_later_gets_the_mail_on_a_later_attempt()
    {
        _smtp.RefuseNext(2);
        var mail = MailWorld.LaoDigest(kinds: ReminderKind.Meetings);

        await MailWorld.PublishInTransactionAsync(_host.Services, mail);

        var arrived = (await _smtp.WaitForAsync(1)).Single();
        arrived.MessageId.ShouldBe(MailMessages.MessageId(mail.Id, "tracker@mpt.gov.la"));
        var record = await MailWorld.OutcomeAsync(_host.Services, mail.Id, m => m.Outcome == MailOutcome.Sent, "the mail recorded as sent");
        record.Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task the_outbox_says_mail_goes_over_smtp_and_lists_what_was_sent()
    {
        var mail = MailWorld.LaoDigest(kinds: ReminderKind.MeetingOutcomes);
        await MailWorld.PublishInTransactionAsync(_host.Services, mail);
        await MailWorld.OutcomeAsync(_host.Services, mail.Id, m => m.Outcome == MailOutcome.Sent, "the mail recorded as sent");

        using var admin = _host.CreateClient();
        admin.DefaultRequestHeaders.Add(SeparateHost.UserHeader, "mail-admin");
        var outbox = await (await admin.GetAsync("/api/admin/outbox")).ShouldBe(HttpStatusCode.OK);

        outbox["smtp"]!.GetValue<bool>().ShouldBeTrue();
        outbox["server"]!.GetValue<string>().ShouldBe($"{_smtp.Host}:{_smtp.Port}");
        var item = outbox["messages"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == mail.Id)!;
        item["subject"]!.GetValue<string>().ShouldBe(MailWorld.LaoSubject);
        item["outcome"]!.GetValue<string>().ShouldBe("sent");
        item["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["meetingOutcomes"]);
    }
}
