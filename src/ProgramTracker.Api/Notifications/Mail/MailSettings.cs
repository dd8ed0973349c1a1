using MailKit.Security;

namespace ProgramTracker.Api.Notifications.Mail;

public enum MailTls
{
    None,
    StartTls,
    Tls,
}

/// <summary>
/// ProgramTracker:Mail:*. With no <see cref="Host"/> nothing is sent: each message is written as an .eml file to
/// <see cref="PickupDirectory"/>, where an administrator (or a mail server's pickup service) can read it.
/// </summary>
public sealed record MailSettings(
    string? Host,
    int Port,
    MailTls Tls,
    string? UserName,
    string? Password,
    string SenderAddress,
    string SenderName,
    string PickupDirectory,
    Uri BaseUrl,
    IReadOnlyList<TimeSpan> RetryDelays)
{
    public const string Section = "ProgramTracker:Mail";

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public SecureSocketOptions SocketOptions => Tls switch
    {
        MailTls.None => SecureSocketOptions.None,
        MailTls.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    public Uri PreferencesUrl => new(BaseUrl, "/me/notifications");

    public static MailSettings From(IConfiguration configuration, string repositoryRoot)
    {
        var section = configuration.GetSection(Section);
        var tls = section["Tls"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "starttls" => MailTls.StartTls,
            "none" => MailTls.None,
            "tls" => MailTls.Tls,
            var other => throw new InvalidOperationException(
                $"{Section}:Tls is '{other}'; it must be none, starttls (the default) or tls."),
        };
        // One address for every link a message carries: the digests' links and the preferences link alike.
        var baseUrl = configuration[Reminders.Configuration.PublicUrlKey] is { Length: > 0 } url ? url : Reminders.Configuration.DefaultPublicUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri))
            throw new InvalidOperationException($"{Reminders.Configuration.PublicUrlKey} is '{baseUrl}'; it must be the absolute address people open ProgramTracker at.");
        var delays = (section["RetryDelays"] ?? "00:00:02,00:00:10,00:01:00,00:05:00,00:30:00")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => TimeSpan.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var delay) && delay >= TimeSpan.Zero
                ? delay
                : throw new InvalidOperationException($"{Section}:RetryDelays holds '{d}'; it must list times such as 00:00:10,00:05:00."))
            .ToList();
        return new MailSettings(
            section["Host"],
            section.GetValue("Port", tls == MailTls.Tls ? 465 : 587),
            tls,
            section["UserName"],
            section["Password"],
            section["SenderAddress"] ?? "programtracker@localhost",
            section["SenderName"] ?? "ProgramTracker",
            section["PickupDirectory"] ?? Path.Combine(repositoryRoot, ".data", "mail"),
            baseUri,
            delays);
    }
}
