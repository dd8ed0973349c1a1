using ProgramTracker.Api.Notifications.Webhooks;
using ProgramTracker.Api.Security;

namespace ProgramTracker.BrowserTests;

/// <summary>The webhooks page: registering by keyboard, a private target refused in the page's words, a dead letter retried.</summary>
public sealed class when_an_administrator_keeps_webhooks_in_the_browser(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task an_endpoint_is_registered_with_the_keyboard_and_a_dead_letter_is_retried()
    {
        await Page.SetViewportSizeAsync(375, 812);
        var dead = await DeadLetter();
        await Page.GotoAsync("/admin/webhooks");
        var secret = await Page.Field("register-webhook", "secret").InputValueAsync();
        secret.ShouldStartWith("whsec_");

        await Page.Field("register-webhook", "url").FocusAsync();
        await Page.Keyboard.TypeAsync("http://127.0.0.1:9/hook");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.ErrorFor("register-webhook", "url"))
            .ToHaveTextAsync("This address is on a loopback or private network, which webhooks may not reach.", new() { Timeout = BrowserFixture.AfterWriteTimeoutMilliseconds });

        var url = $"https://203.0.113.10/hooks/{Guid.NewGuid():N}";
        await Page.Field("register-webhook", "url").FillAsync("");
        await Page.Field("register-webhook", "url").FocusAsync();
        await Page.Keyboard.TypeAsync(url);
        // Paused, so nothing is sent to the documentation address while other tests write.
        await Page.Field("register-webhook", "active").FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Page.ExpectDone("The endpoint is registered.");
        await Assertions.Expect(Page.GetByTestId("webhooks")).ToContainTextAsync(url);
        var widest = await Page.EvaluateAsync<double>("Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('form[data-api-form] input, form[data-api-form] select, form[data-api-form] button')].map(e => e.getBoundingClientRect().right))");
        widest.ShouldBeLessThanOrEqualTo(375, $"/admin/webhooks is {widest} px wide at 375 px");

        await Page.Field("retry-delivery", "deliveryId").SelectOptionAsync(dead.ToString());
        await Page.Field("retry-delivery", "deliveryId").FocusAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Page.ExpectDone("The delivery is handed back for new attempts.");
        await using var session = App.Store.QuerySession();
        (await session.LoadAsync<WebhookDelivery>(dead))!.Status.ShouldNotBe(DeliveryStatus.DeadLettered);
        await Screenshot("webhooks-375-en");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    [InlineData("lo-LA")]
    [InlineData("th-TH")]
    public async Task the_page_has_no_serious_violation_with_a_dead_letter_on_it(string locale)
    {
        await DeadLetter();
        await using var context = await App.NewContextAsync(locale, signedInAs: DemoUsers.Administrator);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/admin/webhooks");
        response!.Ok.ShouldBeTrue();
        await Assertions.Expect(page.GetByTestId("webhook-dead-letters")).ToBeVisibleAsync();
        await page.ExpectNoSeriousViolations($"{locale} /admin/webhooks");
    }

    /// <summary>
    /// A paused registration with a delivery that used up its attempts, stored as the delivery handler stores one:
    /// this host may not reach a receiver on loopback, so the failures themselves are tested in the API tests.
    /// </summary>
    private async Task<Guid> DeadLetter()
    {
        var now = DateTimeOffset.UtcNow;
        var registration = new WebhookRegistration(Guid.NewGuid(), "https://203.0.113.20/dead", WebhookRegistration.NewSecret(), [], [], false, null,
            now, "browser-test", [new WebhookChange(now, "browser-test", "registered", "https://203.0.113.20/dead")]);
        var eventId = Guid.NewGuid();
        var delivery = new WebhookDelivery(WebhookDelivery.IdFor(registration.Id, eventId), registration.Id, eventId, 1, Guid.NewGuid(),
            "programtracker.agreement_registered", now, DeliveryStatus.DeadLettered,
            [new WebhookAttempt(1, now, 12, 500, "The receiver answered 500 Internal Server Error.", false)], now, null,
            "The receiver answered 500 Internal Server Error.");
        await using var session = App.Store.LightweightSession();
        session.Store(registration);
        session.Store(delivery);
        await session.SaveChangesAsync();
        return delivery.Id;
    }
}
