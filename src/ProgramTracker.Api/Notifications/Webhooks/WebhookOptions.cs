namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>Settings under <c>ProgramTracker:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "ProgramTracker:Webhooks";

    /// <summary>Lets registrations and deliveries reach loopback, private and link-local addresses (tests, a closed network).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long one attempt waits for the receiver's answer.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// The waits before each retry of a failed delivery; after the last, the delivery is dead-lettered. The default
    /// doubles from 10 s to about 3 h (about 6 h in all, 12 attempts). Wolverine allows at most 24 retries.
    /// </summary>
    // No default on the bound property itself: the configuration binder appends to an array it finds filled.
    public double[]? RetryDelaysSeconds { get; set; }

    public static readonly double[] DefaultRetryDelaysSeconds = [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 5120, 10240];

    public double[] RetryDelays => RetryDelaysSeconds is { Length: > 0 } delays ? delays : DefaultRetryDelaysSeconds;

    public static double[] RetryDelaysFrom(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<WebhookOptions>() ?? new WebhookOptions()).RetryDelays;
}
