using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using MimeKit;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.Api.Notifications.Mail;

/// <summary>How an <see cref="OutgoingMail"/> is written as a MIME message, and read back from an .eml file.</summary>
public static partial class MailMessages
{
    public const string MailIdHeader = "X-ProgramTracker-Mail-Id";
    public const string KindsHeader = "X-ProgramTracker-Kinds";
    public const string LanguageHeader = "X-ProgramTracker-Language";

    /// <summary>
    /// A UTF-8 text and HTML message whose Message-ID is derived from the mail's id alone, so a second delivery of the
    /// same mail is recognisable as a duplicate by any mail client. Both parts end with a link to the preferences page,
    /// which List-Unsubscribe also names.
    /// </summary>
    public static MimeMessage Compose(OutgoingMail mail, MailSettings settings, IStringLocalizer<Strings> words, DateTimeOffset now)
    {
        var language = Web.Configuration.Languages.Contains(mail.Language) ? mail.Language : "en";
        var footer = InLanguage(language, () => words["Mail_Footer"].Value);
        var preferences = settings.PreferencesUrl.AbsoluteUri;

        var message = new MimeMessage
        {
            MessageId = MessageId(mail.Id, settings.SenderAddress),
            Date = now,
            Subject = mail.Subject,
        };
        message.From.Add(new MailboxAddress(settings.SenderName, settings.SenderAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        message.Headers.Add(LanguageHeader, language);
        message.Headers.Add("List-Unsubscribe", $"<{preferences}>");
        message.Headers.Add(MailIdHeader, mail.Id);
        message.Headers.Add(KindsHeader, string.Join(",", mail.Kinds));

        var html = mail.HtmlBody ?? string.Join("", mail.TextBody.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p).Replace("\n", "<br>")}</p>"));
        var body = new BodyBuilder
        {
            TextBody = $"{mail.TextBody.TrimEnd()}\n\n-- \n{footer}\n{preferences}\n",
            HtmlBody = $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(mail.Subject)}</title></head>" +
                       $"<body>{html}<hr><p><a href=\"{WebUtility.HtmlEncode(preferences)}\">{WebUtility.HtmlEncode(footer)}</a></p></body></html>",
        };
        message.Body = body.ToMessageBody();
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.ContentType.Charset = "utf-8";
            // MimeKit keeps Content-* headers on the parts, not the message: each part says its language.
            part.Headers[HeaderId.ContentLanguage] = language;
        }
        return message;
    }

    /// <summary>
    /// The mail's id itself where it is a valid message id (a digest's "person/day" id has a slash, so it is hashed):
    /// the same mail always gets the same Message-ID, a different one never does.
    /// </summary>
    public static string MessageId(string mailId, string senderAddress)
    {
        var domain = senderAddress.Contains('@') ? senderAddress[(senderAddress.LastIndexOf('@') + 1)..] : "programtracker";
        var local = SafeId().IsMatch(mailId) && mailId.Length <= 64
            ? mailId
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(mailId)))[..32];
        return $"{local}@{domain}";
    }

    public static string KindsOf(MimeMessage message) => message.Headers[KindsHeader] ?? "";

    public static string LanguageOf(MimeMessage message) =>
        message.Headers[LanguageHeader] ?? message.BodyParts.Select(p => p.Headers[HeaderId.ContentLanguage]).FirstOrDefault(l => l is not null) ?? "";

    public static string? MailIdOf(MimeMessage message) => message.Headers[MailIdHeader];

    private static T InLanguage<T>(string language, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeId();
}
