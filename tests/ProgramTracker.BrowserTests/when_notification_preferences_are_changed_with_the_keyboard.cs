using Marten;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Mail;
using ProgramTracker.Api.Security;
using Wolverine;

namespace ProgramTracker.BrowserTests;

/// <summary>
/// An officer, on a 375 px phone and with the keyboard alone, switches a kind of reminder off and chooses the
/// language of their messages; an administrator reads what would have been sent on the outbox page.
/// </summary>
public sealed class when_notification_preferences_are_changed_with_the_keyboard(BrowserFixture app) : BrowserTest(app)
{
    protected override DemoUser? SignedInAs => DemoUsers.Officer;

    [Fact]
    public async Task the_officer_switches_meeting_reminders_off_and_chooses_vietnamese()
    {
        await Page.SetViewportSizeAsync(375, 812);
        await Page.GotoAsync("/me/notifications");
        await Assertions.Expect(Page.GetByTestId("notifications-email")).ToHaveTextAsync(DemoUsers.Officer.Email);

        await TabTo("select[name=language]");
        // A closed select moves to the next option with the arrow keys: the first is "the interface language", then English, then Vietnamese.
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await TabTo("input[name=switchedOff][value=meetings]");
        await Page.Keyboard.PressAsync(" ");
        await TabTo("form#notification-preferences button[type=submit]");
        await Page.Keyboard.PressAsync("Enter");

        await Page.ExpectDone("Your preferences are saved.");
        await Assertions.Expect(Page.Locator("input[name=switchedOff][value=meetings]")).ToBeCheckedAsync();
        await Assertions.Expect(Page.Locator("select[name=language]")).ToHaveValueAsync("vi");
        await using var session = App.Store.QuerySession();
        var profile = await session.LoadAsync<PersonProfile>(DemoUsers.Officer.Subject);
        profile.ShouldNotBeNull();
        profile.Language.ShouldBe("vi");
        profile.SwitchedOff.ShouldBe([ReminderKind.Meetings]);
        var widest = await Page.EvaluateAsync<double>("document.documentElement.scrollWidth");
        widest.ShouldBeLessThanOrEqualTo(375);
        await Screenshot("notifications-375");
    }

    [Fact]
    public async Task the_administrator_reads_a_lao_message_in_the_outbox()
    {
        var file = await MailInTheOutboxAsync(App);
        await using var admin = await App.NewContextAsync("lo-LA", phone: true, signedInAs: DemoUsers.Administrator);
        var page = await admin.NewPageAsync();
        await page.SetViewportSizeAsync(375, 812);

        await page.GotoAsync("/admin/outbox");
        await page.Locator($"tr[data-mail='{file}'] a").ClickAsync();

        await Assertions.Expect(page.GetByTestId("outbox-message")).ToContainTextAsync("ການປະຊຸມຄະນະກຳມະການ");
        (await page.EvaluateAsync<double>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ExpectNoSeriousViolations("lo outbox message at 375 px");
        await Screenshot("outbox-message-lo-375", page);
    }

    /// <summary>
    /// A Lao reminder written to the test host's pickup folder; its file name, once it is there. The first mail of a
    /// run waits for Wolverine to compile its handler, which on a busy machine takes a while.
    /// </summary>
    public static async Task<string> MailInTheOutboxAsync(BrowserFixture app)
    {
        var mail = new OutgoingMail($"browser-{Guid.NewGuid():N}", "demo-chair-pco", "chair@programtracker.example.org", "ປະທານ", "lo",
            "ກອງປະຊຸມຄະນະກຳມະການໃນ 7 ວັນ", "ການປະຊຸມຄະນະກຳມະການ ຈະຈັດຂຶ້ນໃນວັນທີ 8 ທັນວາ 2026.", null, [ReminderKind.Meetings]);
        await app.Services.GetRequiredService<IMessageBus>().PublishAsync(mail);
        var sent = await PollUntilOrThrow(async () =>
        {
            await using var session = app.Store.QuerySession();
            return await session.LoadAsync<SentMail>(mail.Id);
        }, m => m is { Outcome: MailOutcome.Written }, TimeSpan.FromSeconds(120), "the mail written to the pickup folder");
        return sent!.File!;
    }

    private async Task TabTo(string selector)
    {
        for (var i = 0; i < 200; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await Page.EvaluateAsync<bool>($"document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(selector)}) ?? false")) return;
        }
        throw new ShouldAssertException($"Tab never reached {selector}");
    }
}
