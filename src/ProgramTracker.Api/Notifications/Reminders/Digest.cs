using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.Api.Notifications.Reminders;

/// <summary>
/// One person's digest for one day, written in the language they chose for messages, as plain text and HTML with
/// absolute links into the pages. Pure: no digest when there is nothing to say or no address to say it to.
/// </summary>
public static class Digest
{
    private static readonly ResourceManager Resources = new("ProgramTracker.Api.Web.Resources.Strings", typeof(Strings).Assembly);

    private static readonly ReminderKind[] SectionOrder = [ReminderKind.Milestones, ReminderKind.ActionItems, ReminderKind.Meetings, ReminderKind.MeetingOutcomes];

    public static string MailId(string personId, DateOnly day) => $"digest:{personId}:{day:yyyy-MM-dd}";

    /// <summary>The profile's message language when ProgramTracker writes in it, else English.</summary>
    public static string LanguageOf(PersonProfile profile) =>
        Web.Configuration.Languages.Contains(profile.MessageLanguage) ? profile.MessageLanguage : "en";

    public static OutgoingMail? Compose(PersonProfile profile, string? name, IReadOnlyList<ReminderItem> items, DateOnly day, Uri publicUrl)
    {
        var wanted = items.Where(i => profile.Wants(i.Group)).ToList();
        if (wanted.Count == 0 || string.IsNullOrWhiteSpace(profile.Email)) return null;

        var language = LanguageOf(profile);
        var writer = new Writer(language, publicUrl);
        var who = profile.Name ?? name ?? profile.Id;
        var subject = writer.Format("Digest_Subject", writer.Date(day));

        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head><body>");
        Paragraph(text, html, writer.Format("Digest_Greeting", who));
        Paragraph(text, html, writer.Format("Digest_Intro", writer.Date(day)));

        foreach (var group in SectionOrder)
        {
            var section = wanted.Where(i => i.Group == group).ToList();
            if (section.Count == 0) continue;
            var heading = writer.Get($"Digest_Section_{group}");
            text.Append(heading).Append('\n').Append(new string('=', Math.Max(3, heading.Length))).Append("\n\n");
            html.Append("<h2>").Append(Encode(heading)).Append("</h2><ul>");
            foreach (var item in section) writer.Item(item, text, html);
            html.Append("</ul>");
        }

        Paragraph(text, html, writer.Get("Digest_Footer"));
        html.Append("</body></html>");

        return new OutgoingMail(MailId(profile.Id, day), profile.Id, profile.Email!.Trim(), who, language, subject,
            text.ToString().TrimEnd() + "\n", html.ToString(), [.. wanted.Select(i => i.Group).Distinct().Order()]);
    }

    private static void Paragraph(StringBuilder text, StringBuilder html, string line)
    {
        text.Append(line).Append("\n\n");
        html.Append("<p>").Append(Encode(line)).Append("</p>");
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private sealed class Writer(string language, Uri publicUrl)
    {
        private readonly CultureInfo _culture = Web.Configuration.CultureFor(language);

        public string Get(string name) => Resources.GetString(name, _culture) ?? name;

        public string Format(string name, params object?[] values) => string.Format(_culture, Get(name), values);

        public string Date(DateOnly date) => date.ToString("d", _culture);

        private string Text(LocalizedText? text) => text?.In(language, "en").Text ?? "";

        private string Link(string path) => new Uri(publicUrl, path).ToString();

        public void Item(ReminderItem item, StringBuilder text, StringBuilder html)
        {
            var line = item.Kind switch
            {
                ReminderItemKind.MilestoneOverdue => Format("Digest_MilestoneOverdue", Text(item.Title), item.Context, Date(item.Date)),
                ReminderItemKind.MilestoneDueSoon => Format("Digest_MilestoneDueSoon", Text(item.Title), item.Context, Date(item.Date)),
                ReminderItemKind.MilestoneBlocked => Format("Digest_MilestoneBlocked", Text(item.Title), item.Context, Date(item.Date)),
                ReminderItemKind.WorkstreamGoingStale => Format("Digest_WorkstreamGoingStale", Text(item.Title), item.Context, Date(item.Date),
                    item.Since is { } since ? Date(since) : ""),
                ReminderItemKind.ActionItemOverdue => Format("Digest_ActionItemOverdue", Text(item.Title), Text(item.ContextTitle), Date(item.Date)),
                ReminderItemKind.ActionItemDueSoon => Format("Digest_ActionItemDueSoon", Text(item.Title), Text(item.ContextTitle), Date(item.Date)),
                ReminderItemKind.MeetingAhead => Format("Digest_MeetingAhead", Text(item.Title), Date(item.Date)),
                ReminderItemKind.MeetingOutcome => Format("Digest_MeetingHeld", Text(item.Title), Date(item.Date)),
                _ => throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "A reminder kind the digest cannot write."),
            };
            var details = new List<string>();
            var lists = new List<(string Heading, IReadOnlyList<string> Lines)>();
            if (item.Kind == ReminderItemKind.MilestoneBlocked && !string.IsNullOrWhiteSpace(item.Note)) details.Add(Format("Digest_BlockedReason", item.Note));
            if (item.Kind == ReminderItemKind.MeetingAhead && !string.IsNullOrWhiteSpace(item.Note)) details.Add(Format("Digest_Location", item.Note));
            if (item.Agenda is { Count: > 0 } agenda) lists.Add((Get("Digest_Agenda"), [.. agenda.Select(Text)]));
            if (item.Decisions is { Count: > 0 } decisions) lists.Add((Get("Digest_Decisions"), decisions));
            if (item.ActionsAssigned is { Count: > 0 } actions)
                lists.Add((Get("Digest_ActionsAssigned"), [.. actions.Select(a => $"{a.Text}, {Format("Digest_DueOn", Date(a.DueDate))}")]));

            var link = Link(item.Path);
            text.Append("- ").Append(line).Append('\n');
            foreach (var d in details) text.Append("  ").Append(d).Append('\n');
            foreach (var (heading, lines) in lists)
            {
                text.Append("  ").Append(heading).Append(":\n");
                foreach (var l in lines) text.Append("    * ").Append(l).Append('\n');
            }
            text.Append("  ").Append(Get("Digest_Open")).Append(": ").Append(link).Append('\n');
            if (item.ReviewPackPath is { } pack) text.Append("  ").Append(Get("Digest_ReviewPack")).Append(": ").Append(Link(pack)).Append('\n');
            text.Append('\n');

            html.Append("<li><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(line)).Append("</a>");
            foreach (var d in details) html.Append("<br>").Append(Encode(d));
            foreach (var (heading, lines) in lists)
            {
                html.Append("<p>").Append(Encode(heading)).Append("</p><ul>");
                foreach (var l in lines) html.Append("<li>").Append(Encode(l)).Append("</li>");
                html.Append("</ul>");
            }
            if (item.ReviewPackPath is { } reviewPack)
                html.Append("<br><a href=\"").Append(Encode(Link(reviewPack))).Append("\">").Append(Encode(Get("Digest_ReviewPack"))).Append("</a>");
            html.Append("</li>");
        }
    }
}
