using System.Security.Claims;
using Marten;
using MimeKit;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Notifications.People;

/// <summary>What a sign-in and the language switcher tell ProgramTracker about a person, kept in their <see cref="PersonProfile"/>.</summary>
public static class Profiles
{
    public const string EmailClaim = "email";

    /// <summary>
    /// At sign-in: the name, the person id and the identity provider's address (unless an administrator set one),
    /// and the interface language in use. Stored only when something changed.
    /// </summary>
    public static async Task RecordSignInAsync(IDocumentSession session, ClaimsPrincipal user, string? language, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimNames.Subject) is not { Length: > 0 } id) return;
        var profile = await session.LoadAsync<PersonProfile>(id, ct);
        var changed = profile is null;
        profile ??= new PersonProfile { Id = id };
        changed |= SignedIn(profile, user.FindFirstValue(ClaimNames.Name), user.FindFirstValue(EmailClaim), ClaimNames.PersonIdOf(user), language);
        if (changed) session.Store(profile);
    }

    /// <summary>When the language switcher is used by a signed-in person; a write only when the language differs.</summary>
    public static async Task RecordLanguageAsync(IDocumentStore store, ClaimsPrincipal user, string language, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimNames.Subject) is not { Length: > 0 } id) return;
        await using var session = store.LightweightSession();
        var profile = await session.LoadAsync<PersonProfile>(id, ct) ?? new PersonProfile { Id = id, Name = user.FindFirstValue(ClaimNames.Name) };
        if (profile.LastUsedLanguage == language) return;
        profile.LastUsedLanguage = language;
        session.Store(profile);
        await session.SaveChangesAsync(ct);
    }

    public static bool SignedIn(PersonProfile profile, string? name, string? email, string? personId, string? language)
    {
        var changed = false;
        if (!string.IsNullOrWhiteSpace(name) && profile.Name != name) (profile.Name, changed) = (name, true);
        if (!string.IsNullOrWhiteSpace(personId) && profile.PersonId != personId) (profile.PersonId, changed) = (personId, true);
        if (!profile.EmailSetByAdministrator && email is not null && EmailAddresses.IsValid(email) && profile.Email != email.Trim())
            (profile.Email, changed) = (email.Trim(), true);
        if (language is not null && Web.Configuration.Languages.Contains(language) && profile.LastUsedLanguage != language)
            (profile.LastUsedLanguage, changed) = (language, true);
        return changed;
    }
}

public static class EmailAddresses
{
    /// <summary>
    /// One plain address as MimeKit reads it (no display name, no group, no route), with a local part and a dotted
    /// domain, of at most 254 characters: what a mail server will take as a recipient.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var text = value.Trim();
        if (text.Length > 254 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';')) return false;
        if (!MailboxAddress.TryParse(text, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Address != text) return false;
        var at = text.LastIndexOf('@');
        if (at <= 0 || text.IndexOf('@') != at) return false;
        var domain = text[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..");
    }
}
