using System.Diagnostics.Metrics;
using ProgramTracker.Api.Operations;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>Webhook instruments on the app's meter (<see cref="Telemetry.MeterName"/>).</summary>
public static class WebhookMetrics
{
    private static readonly Meter Meter = new(Telemetry.MeterName);

    private static readonly Counter<long> Deliveries =
        Meter.CreateCounter<long>("programtracker.webhooks.deliveries", "{delivery}", "Webhook deliveries that ended, by outcome (delivered, dead-lettered, cancelled).");

    private static readonly Counter<long> Attempts =
        Meter.CreateCounter<long>("programtracker.webhooks.attempts", "{attempt}", "Webhook delivery attempts, successful or not.");

    private static readonly Counter<long> Failures =
        Meter.CreateCounter<long>("programtracker.webhooks.failures", "{attempt}", "Webhook delivery attempts that failed, by reason (status, timeout, unreachable, refused-target).");

    private static readonly Histogram<double> Lag =
        Meter.CreateHistogram<double>("programtracker.webhooks.lag", "s", "Seconds from an event's commit to its delivery to a webhook receiver.");

    public static void Attempted() => Attempts.Add(1);

    public static void Failed(string reason) => Failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void Ended(DeliveryStatus outcome) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            DeliveryStatus.Delivered => "delivered",
            DeliveryStatus.DeadLettered => "dead-lettered",
            _ => "cancelled",
        }));

    public static void Delivered(TimeSpan lag) => Lag.Record(Math.Max(0, lag.TotalSeconds));
}
