using System.Net;
using Microsoft.AspNetCore.Hosting;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Mail;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.IntegrationTests.Committees;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>
/// Reminders and mail end to end: the day's run works out a Lao officer's digest, the durable mail queue delivers
/// it to a real SMTP server started by the test, and it arrives in Lao, once. The officer's profile is keyed as a
/// sign-in keys it (by the subject), with the person id her assignments name.
/// </summary>
public sealed class when_a_daily_digest_reaches_a_mail_server(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_lao_officer_gets_her_digest_in_lao_at_the_mail_server_and_a_second_run_sends_nothing()
    {
        var day = WorkstreamWrites.Today.AddDays(2);
        var person = CommitteeScenarios.NewPersonId("smtp");
        var subject = $"subject-of-{person}";
        await using var smtp = await TestSmtpServer.StartAsync();
        var connectionString = await TestPostgres.NewDatabaseAsync(App.ConnectionString, "digestmail");
        try
        {
            await using var host = InProcessHost.Start(connectionString, configure: web =>
            {
                web.UseSetting("ProgramTracker:Mail:Host", smtp.Host);
                web.UseSetting("ProgramTracker:Mail:Port", smtp.Port.ToString());
                web.UseSetting("ProgramTracker:Mail:Tls", "none");
                web.UseSetting("ProgramTracker:Mail:SenderAddress", "tracker@mpt.gov.la");
                web.UseSetting("ProgramTracker:PublicUrl", "https://tracker.mpt.gov.la");
            });
            using var http = host.CreateClient();
            var workstream = await http.OfficerWithMilestone(person, "ສຸກສະຫວັນ ພົມມະຈັນ", day, dueInDays: 3);
            await using (var session = host.Store.LightweightSession())
            {
                session.Store(new PersonProfile { Id = subject, PersonId = person, Email = "souksavanh@example.la", LastUsedLanguage = "lo" });
                await session.SaveChangesAsync();
            }

            var first = await RunAsync(http, day);
            first.Sent.ShouldBe([subject]);

            var message = (await smtp.WaitForAsync(1, TimeSpan.FromSeconds(90))).ShouldHaveSingleItem();
            message.To.Mailboxes.Single().Address.ShouldBe("souksavanh@example.la");
            message.Subject.ShouldStartWith("ProgramTracker: ການແຈ້ງເຕືອນຂອງທ່ານສຳລັບວັນທີ ");
            message.TextBody!.ShouldContain("ຮຽນ ສຸກສະຫວັນ ພົມມະຈັນ,");
            message.TextBody!.ShouldContain($"https://tracker.mpt.gov.la/workstreams/{workstream}");
            message.HtmlBody!.ShouldContain("<html lang=\"lo\">");
            message.MessageId.ShouldBe(MailMessages.MessageId(Digest.MailId(subject, day), "tracker@mpt.gov.la"));

            var second = await RunAsync(http, day);
            second.Sent.ShouldBeEmpty();
            second.AlreadySent.ShouldBe(1);
            smtp.Received.Count.ShouldBe(1);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(App.ConnectionString, new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!);
        }
    }

    private static async Task<DigestRunResult> RunAsync(HttpClient http, DateOnly day)
    {
        using var response = await http.PostAsync($"/api/admin/reminders/run?day={WorkstreamWrites.Day(day)}", null);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return System.Text.Json.JsonSerializer.Deserialize<DigestRunResult>(body, Scenarios.Json)!;
    }
}
