using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Notifications.Mail;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Notifications.People;

public sealed record SentMailView(string Id, DateTimeOffset At, string To, string Subject, IReadOnlyList<ReminderKind> Kinds, string Language,
    MailOutcome Outcome, int Attempts, string? Error)
{
    public static SentMailView Of(SentMail m) => new(m.Id, m.At, m.To, m.Subject, m.Kinds, m.Language, m.Outcome, m.Attempts, m.Error);
}

/// <summary>Who gets what: one person's address, message language, the reminders they switched off, and their last messages.</summary>
public sealed record PersonNotificationsView(
    string PersonId,
    string? Name,
    string? Email,
    bool EmailSetByAdministrator,
    string? Language,
    string? LastUsedLanguage,
    string MessageLanguage,
    IReadOnlyList<ReminderKind> SwitchedOff,
    IReadOnlyList<SentMailView> LastMessages);

public static class PeopleNotificationsEndpoint
{
    public const int LastMessages = 5;

    [Authorize(Policy = Policies.Administrator)]
    [Returns<IReadOnlyList<PersonNotificationsView>>]
    [EndpointName("listPeopleNotifications")]
    [WolverineGet("/api/admin/people")]
    public static async Task<IReadOnlyList<PersonNotificationsView>> Get(IQuerySession session, HttpContext http) =>
        await ReadAsync(session, http.RequestAborted);

    public static async Task<IReadOnlyList<PersonNotificationsView>> ReadAsync(IQuerySession session, CancellationToken ct, string? personId = null)
    {
        var profiles = personId is null
            ? await session.Query<PersonProfile>().OrderBy(p => p.Name).ThenBy(p => p.Id).Take(1000).ToListAsync(ct)
            : await session.Query<PersonProfile>().Where(p => p.Id == personId).ToListAsync(ct);
        var ids = profiles.Select(p => p.Id).ToArray();
        var sent = await session.Query<SentMail>().Where(m => m.PersonId.IsOneOf(ids)).OrderByDescending(m => m.At).Take(20 * LastMessages + ids.Length * LastMessages)
            .ToListAsync(ct);
        var byPerson = sent.GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.Take(LastMessages).Select(SentMailView.Of).ToList());
        return [.. profiles.Select(p => new PersonNotificationsView(p.Id, p.Name, p.Email, p.EmailSetByAdministrator, p.Language, p.LastUsedLanguage,
            p.MessageLanguage, [.. p.SwitchedOff.Order()], byPerson.GetValueOrDefault(p.Id) ?? []))];
    }
}

/// <param name="Email">The address messages go to; null to drop an administrator's address and take the identity provider's again at the next sign-in.</param>
public sealed record SetPersonEmail(string? Email);

public static class SetPersonEmailEndpoint
{
    public static ProblemDetails Validate(SetPersonEmail command) => new InputRules()
        .Must(command.Email is null || EmailAddresses.IsValid(command.Email), "email", "invalid-email",
            "'email' must be one plain email address such as name@ministry.gov.la.")
        .ToProblem();

    /// <summary>An administrator's address for a person wins over the identity provider's: sign-ins no longer change it.</summary>
    [Authorize(Policy = Policies.Administrator)]
    [Returns<PersonNotificationsView>]
    [EndpointName("setPersonEmail")]
    [WolverinePut("/api/admin/people/{personId}/email")]
    public static async Task<IResult> Put(string personId, SetPersonEmail command, IDocumentSession session, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(personId) || personId.Length > InputRules.ShortText)
            return Problems.From(Refusal.Invalid("personId", "max-length", $"'personId' must be 1 to {InputRules.ShortText} characters."));
        var profile = await session.LoadAsync<PersonProfile>(personId, http.RequestAborted) ?? new PersonProfile { Id = personId };
        profile.Email = command.Email?.Trim();
        profile.EmailSetByAdministrator = command.Email is not null;
        session.Store(profile);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Ok((await PeopleNotificationsEndpoint.ReadAsync(session, http.RequestAborted, personId)).Single());
    }
}
