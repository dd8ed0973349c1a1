using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Mail;
using ProgramTracker.Api.Security;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>
/// The embedded default: no SMTP host, so each mail is written as an .eml file to the pickup folder, which the
/// outbox API and page list for administrators, and only for them.
/// </summary>
public sealed class when_no_mail_server_is_configured(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_mail_is_an_eml_file_in_the_pickup_folder_listed_on_the_outbox()
    {
        var settings = App.Services.GetRequiredService<MailSettings>();
        settings.UsesSmtp.ShouldBeFalse();
        var mail = MailWorld.LaoDigest(kinds: ReminderKind.ActionItems);

        await MailWorld.PublishInTransactionAsync(App.Services, mail);
        var record = await MailWorld.OutcomeAsync(App.Services, mail.Id, m => m.Outcome == MailOutcome.Written, "the mail written to the pickup folder");

        var file = Path.Combine(settings.PickupDirectory, record.File + ".eml");
        File.Exists(file).ShouldBeTrue(file);
        var written = await MimeMessage.LoadAsync(file);
        written.Subject.ShouldBe(MailWorld.LaoSubject);
        written.TextBody!.ShouldContain(MailWorld.LaoText);
        written.MessageId.ShouldBe(MailMessages.MessageId(mail.Id, settings.SenderAddress));

        var outbox = await (await Http.GetAsync("/api/admin/outbox")).ShouldBe(HttpStatusCode.OK);
        outbox["smtp"]!.GetValue<bool>().ShouldBeFalse();
        var items = outbox["messages"]!.AsArray();
        var item = items.Single(m => m!["id"]!.GetValue<string>() == record.File)!;
        item["to"]!.GetValue<string>().ShouldBe(mail.To);
        item["subject"]!.GetValue<string>().ShouldBe(MailWorld.LaoSubject);
        item["language"]!.GetValue<string>().ShouldBe("lo");
        item["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["actionItems"]);
        var times = items.Select(m => m!["at"]!.GetValue<DateTimeOffset>()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList(), "newest first");

        var one = await (await Http.GetAsync($"/api/admin/outbox/{record.File}")).ShouldBe(HttpStatusCode.OK);
        one["text"]!.GetValue<string>().ShouldContain(MailWorld.LaoText);
        one["listUnsubscribe"]!.GetValue<string>().ShouldContain("/me/notifications");

        var page = await Http.GetStringAsync("/admin/outbox");
        WebUtility.HtmlDecode(page).ShouldContain(MailWorld.LaoSubject);
        page.ShouldContain($"/admin/outbox/{record.File}");
        var shown = await Http.GetStringAsync($"/admin/outbox/{record.File}");
        shown.ShouldContain("data-testid=\"outbox-message\"");
        WebUtility.HtmlDecode(shown).ShouldContain("ຕິດຕັ້ງເຊີບເວີ");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("no-such-message")]
    public async Task a_name_that_is_not_a_message_of_the_folder_is_not_found(string id)
    {
        var response = await Http.GetAsync($"/api/admin/outbox/{Uri.EscapeDataString(id)}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task only_administrators_see_the_outbox()
    {
        foreach (var user in new[] { DemoUsers.Officer, DemoUsers.Chair, DemoUsers.Viewer })
        {
            using var client = App.CreateClient(user);
            (await client.GetAsync("/api/admin/outbox")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user.Key);
            (await client.GetAsync("/admin/outbox")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user.Key);
            (await client.GetAsync("/api/admin/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user.Key);
            (await client.GetAsync("/admin/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user.Key);
        }
        using var anonymous = App.CreateAnonymousClient();
        (await anonymous.GetAsync("/api/admin/outbox")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
