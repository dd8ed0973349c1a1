using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace ProgramTracker.Api.Notifications.Webhooks;

public static class Configuration
{
    public const string HttpClientName = "webhooks";
    public const string QueueName = "webhooks";

    /// <summary>
    /// Signed webhooks: registrations and delivery logs as documents, the fan-out subscription on the event store,
    /// a durable local queue for deliveries with exponential back-off, and an HTTP client that reaches only allowed
    /// targets.
    /// </summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection(WebhookOptions.Section));
        builder.Services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own limit (TimeoutSeconds)
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ProgramTracker-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                // A redirect could lead anywhere, a private address included: a 3xx is an answer that failed.
                AllowAutoRedirect = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = (context, ct) =>
                    WebhookTargets.ConnectAsync(context, services.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateTargets, ct),
            });

        builder.Services.ConfigureMarten(options =>
        {
            options.Schema.For<WebhookRegistration>().DocumentAlias("webhook_registration");
            options.Schema.For<WebhookDelivery>().DocumentAlias("webhook_delivery")
                .Duplicate(d => d.Status)
                .Duplicate(d => d.UpdatedAt)
                .Duplicate(d => d.RegistrationId);
        });
        builder.Services.SubscribeToEvents(new WebhookFanOut());

        var delays = WebhookOptions.RetryDelaysFrom(builder.Configuration).Select(TimeSpan.FromSeconds).ToArray();
        builder.Services.ConfigureWolverine(options =>
        {
            options.PublishMessage<DeliverWebhook>().ToLocalQueue(QueueName).UseDurableInbox();
            options.Policies.OnException<WebhookNotDelivered>().ScheduleRetry(delays);
        });
        return builder;
    }
}
