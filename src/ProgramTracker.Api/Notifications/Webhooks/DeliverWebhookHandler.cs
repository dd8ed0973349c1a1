using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Feeds;
using ProgramTracker.Api.Hosting;
using Wolverine;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>
/// One attempt at one delivery: the event as the event feed shows it (a CloudEvents 1.0 structured body), signed,
/// POSTed with the timeout setting. A 2xx answer delivers it; anything else is logged on the delivery and thrown, so
/// Wolverine schedules the next attempt (<see cref="WebhookOptions.RetryDelaysSeconds"/>), and the attempt after the
/// last delay dead-letters it instead.
/// </summary>
public static class DeliverWebhookHandler
{
    public const string ContentType = "application/cloudevents+json";

    /// <summary>The same JSON as the API's answers, so a delivered event reads exactly as the item of <c>GET /api/events</c>.</summary>
    public static readonly JsonSerializerOptions Json = ApiJson();

    public static async Task Handle(DeliverWebhook message, Envelope envelope, IDocumentStore store, IHttpClientFactory clients,
        IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDelivery> logger, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, ct) ?? WebhookDelivery.For(message, clock.GetUtcNow());
        if (delivery.Status == DeliveryStatus.Delivered) return;

        var registration = await session.LoadAsync<WebhookRegistration>(message.RegistrationId, ct);
        var e = await session.Events.QueryAllRawEvents().Where(x => x.Sequence == message.Sequence).FirstOrDefaultAsync(ct);
        if (registration is not { Active: true, RemovedAt: null } || e is null)
        {
            var why = e is null ? "The event is no longer in the event store." : "The registration was paused or removed.";
            await SaveAsync(session, delivery with { Status = DeliveryStatus.Cancelled, LastError = why, UpdatedAt = clock.GetUtcNow() }, ct);
            WebhookMetrics.Ended(DeliveryStatus.Cancelled);
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(EventFeed.CloudEventOf(e, message.AgreementId), Json);
        var started = clock.GetUtcNow();
        var timestamp = started.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, registration.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.WebhookId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(registration.Secret, delivery.WebhookId, timestamp, body));

        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var clockwatch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        string? reason = null;
        try
        {
            using var response = await clients.CreateClient(Configuration.HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) (error, reason) = ($"The receiver answered {status} {response.ReasonPhrase}.", "status");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            (error, reason) = ($"No answer within {timeout.TotalSeconds:0.#} s.", "timeout");
        }
        catch (HttpRequestException x) when (x.InnerException is WebhookTargetRefused refused)
        {
            (error, reason) = (refused.Message, "refused-target");
        }
        catch (HttpRequestException x)
        {
            (error, reason) = (x.Message, "unreachable");
        }
        WebhookMetrics.Attempted();

        var now = clock.GetUtcNow();
        var attempt = new WebhookAttempt(delivery.Attempts.Count + 1, started, clockwatch.Elapsed.TotalMilliseconds, status, error, error is null);
        delivery = delivery with { Attempts = [.. delivery.Attempts, attempt], UpdatedAt = now, LastError = error };
        if (error is null)
        {
            await SaveAsync(session, delivery with { Status = DeliveryStatus.Delivered, DeliveredAt = now }, ct);
            WebhookMetrics.Ended(DeliveryStatus.Delivered);
            WebhookMetrics.Delivered(now - message.EventTime);
            return;
        }

        WebhookMetrics.Failed(reason!);
        // Attempts counts this try; the retry policy has one delay per retry, so the try after the last delay is the last.
        if (envelope.Attempts > options.Value.RetryDelays.Length)
        {
            await SaveAsync(session, delivery with { Status = DeliveryStatus.DeadLettered }, ct);
            WebhookMetrics.Ended(DeliveryStatus.DeadLettered);
            logger.LogWarning("Webhook delivery {DeliveryId} to {Url} dead-lettered after {Attempts} attempts: {Error}",
                delivery.Id, registration.Url, envelope.Attempts, error);
            return;
        }
        await SaveAsync(session, delivery with { Status = DeliveryStatus.Failing }, ct);
        throw new WebhookNotDelivered($"Webhook delivery {delivery.Id} to {registration.Url} failed (attempt {envelope.Attempts}): {error}");
    }

    private static async Task SaveAsync(IDocumentSession session, WebhookDelivery delivery, CancellationToken ct)
    {
        session.Store(delivery);
        await session.SaveChangesAsync(ct);
    }

    private static JsonSerializerOptions ApiJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WolverineSetup.Configure(json);
        return json;
    }
}
