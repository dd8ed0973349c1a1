using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Notifications.People;

/// <summary>
/// A person's own notification settings: where messages go (shown, set at sign-in or by an administrator), in which
/// language (null: the interface language last used), and which kinds of reminder are switched off.
/// </summary>
public sealed record NotificationPreferences(
    string PersonId,
    string? Email,
    bool EmailSetByAdministrator,
    string? Language,
    string? LastUsedLanguage,
    string MessageLanguage,
    IReadOnlyList<ReminderKind> SwitchedOff)
{
    public static NotificationPreferences Of(PersonProfile p) =>
        new(p.Id, p.Email, p.EmailSetByAdministrator, p.Language, p.LastUsedLanguage, p.MessageLanguage, [.. p.SwitchedOff.Order()]);
}

/// <param name="Language">en, vi, lo or th; left out (or null) for the interface language last used.</param>
/// <param name="SwitchedOff">The kinds of reminder not wanted (milestones, actionItems, meetings, meetingOutcomes); left out for none.</param>
public sealed record SetNotificationPreferences(string? Language = null, IReadOnlyList<string>? SwitchedOff = null);

public static class ReminderKinds
{
    /// <summary>The API's name of a kind, as its JSON writes it: actionItems.</summary>
    public static string Name(ReminderKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static ReminderKind? Parse(string? name) =>
        Enum.GetValues<ReminderKind>().Select(k => (ReminderKind?)k).FirstOrDefault(k => Name(k!.Value) == name || k.ToString() == name);
}

public static class MyNotificationsEndpoints
{
    [Authorize(Policy = Policies.SignedIn)]
    [Returns<NotificationPreferences>]
    [EndpointName("getMyNotifications")]
    [WolverineGet("/api/me/notifications")]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http) =>
        await ProfileOf(session, http.User, http.RequestAborted) is { } profile
            ? Results.Ok(NotificationPreferences.Of(profile))
            : NoSubject();

    /// <summary>The stored profile, or for someone who has only used the API so far, one made from their token's claims.</summary>
    public static async Task<PersonProfile?> ProfileOf(IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimNames.Subject) is not { Length: > 0 } id) return null;
        if (await session.LoadAsync<PersonProfile>(id, ct) is { } stored) return stored;
        var profile = new PersonProfile { Id = id };
        Profiles.SignedIn(profile, user.FindFirstValue(ClaimNames.Name), user.FindFirstValue(Profiles.EmailClaim), ClaimNames.PersonIdOf(user), null);
        return profile;
    }

    internal static IResult NoSubject() =>
        Problems.Status(StatusCodes.Status403Forbidden, "You may not do this.", "Your sign-in carries no user id ('sub'), so there is nothing to keep preferences for.", "forbidden");
}

public static class SetMyNotificationsEndpoint
{
    public static ProblemDetails Validate(SetNotificationPreferences command)
    {
        var rules = new InputRules()
            .Must(command.Language is null || Web.Configuration.Languages.Contains(command.Language), "language", "unknown-language",
                $"'language' must be one of {string.Join(", ", Web.Configuration.Languages)}, or left out for the interface language.")
            .Must(command.SwitchedOff is null || command.SwitchedOff.Count <= 20, "switchedOff", "max-items", "'switchedOff' may list at most 20 kinds.");
        var kinds = command.SwitchedOff ?? [];
        for (var i = 0; i < Math.Min(kinds.Count, 20); i++)
            rules.Must(ReminderKinds.Parse(kinds[i]) is not null, $"switchedOff[{i}]", "unknown-reminder-kind",
                $"'switchedOff[{i}]' must be one of {string.Join(", ", Enum.GetValues<ReminderKind>().Select(ReminderKinds.Name))}.");
        return rules.ToProblem();
    }

    [Authorize(Policy = Policies.SignedIn)]
    [Returns<NotificationPreferences>]
    [EndpointName("setMyNotifications")]
    [WolverinePut("/api/me/notifications")]
    public static async Task<IResult> Put(SetNotificationPreferences command, IDocumentSession session, HttpContext http)
    {
        if (await MyNotificationsEndpoints.ProfileOf(session, http.User, http.RequestAborted) is not { } profile) return MyNotificationsEndpoints.NoSubject();
        profile.Language = command.Language;
        profile.SwitchedOff = [.. (command.SwitchedOff ?? []).Select(k => ReminderKinds.Parse(k)!.Value).Distinct().Order()];
        session.Store(profile);
        await session.SaveChangesAsync(http.RequestAborted);
        return Results.Ok(NotificationPreferences.Of(profile));
    }
}
