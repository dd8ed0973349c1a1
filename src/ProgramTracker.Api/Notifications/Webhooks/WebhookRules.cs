using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Feeds;

namespace ProgramTracker.Api.Notifications.Webhooks;

/// <summary>The rules a registration's fields must keep, for registering and for changing one alike.</summary>
public static class WebhookRules
{
    public const int MaxEventTypes = 200;
    public const int MaxAgreements = 500;

    public static async Task<ProblemDetails> CheckAsync(string? url, IReadOnlyList<string>? eventTypes, IReadOnlyList<Guid>? agreements,
        string? secret, string? description, IDocumentSession session, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var rules = new InputRules()
            .Required("url", url, InputRules.UrlLength)
            .Url("url", url)
            .MaxLength("description", description, InputRules.LongText)
            .Must(secret is null || WebhookRegistration.KeyOf(secret) is not null, "secret", "secret-format",
                $"'secret' must be '{WebhookRegistration.SecretPrefix}' followed by the base64 of 24 to 64 random bytes, or left out to have one generated.")
            .Must(eventTypes is null || eventTypes.Count <= MaxEventTypes, "eventTypes", "max-event-types", $"'eventTypes' may list at most {MaxEventTypes} types.")
            .Must(agreements is null || agreements.Count <= MaxAgreements, "agreements", "max-agreements", $"'agreements' may list at most {MaxAgreements} ids.");

        var known = EventFeed.KnownTypes(session.DocumentStore);
        foreach (var type in (eventTypes ?? []).Distinct())
        {
            rules.Must(type is not null && known.Contains(type), "eventTypes", "unknown-event-type",
                $"'{type}' is not an event type the event feed publishes (such as '{known.FirstOrDefault()}'); GET /api/admin/webhooks/event-types lists them.");
        }

        if (agreements is { Count: > 0 and <= MaxAgreements })
        {
            var ids = agreements.Distinct().ToArray();
            var found = (await session.LoadManyAsync<Agreement>(ct, ids)).Select(a => a.Id).ToHashSet();
            foreach (var missing in ids.Where(id => !found.Contains(id)))
                rules.Must(false, "agreements", "unknown-agreement", $"No agreement has the id {missing}.");
        }

        if (rules.Valid && !options.Value.AllowPrivateTargets)
        {
            var host = new Uri(url!).Host;
            var addresses = await WebhookTargets.ResolveAsync(host, ct);
            rules.Must(addresses.Length > 0, "url", "unresolvable-host", $"'{host}' does not resolve to any address, so it cannot be checked or reached.");
            var refused = addresses.FirstOrDefault(WebhookTargets.IsPrivate);
            rules.Must(refused is null, "url", "private-target",
                $"'{host}' resolves to {refused}, a loopback, private or link-local address: webhooks may only reach public addresses "
                + "unless the setting ProgramTracker:Webhooks:AllowPrivateTargets is true.");
        }
        return rules.ToProblem();
    }

    public static IReadOnlyList<string> Types(IReadOnlyList<string>? eventTypes) => [.. (eventTypes ?? []).Distinct().Order(StringComparer.Ordinal)];

    public static IReadOnlyList<Guid> Ids(IReadOnlyList<Guid>? agreements) => [.. (agreements ?? []).Distinct()];
}
