using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProgramTracker.Api.Notifications;
using ProgramTracker.Api.Notifications.Mail;
using Wolverine;
using Wolverine.Marten;

namespace ProgramTracker.IntegrationTests.Notifications;

/// <summary>Mails as the reminders publish them, and what became of them.</summary>
public static class MailWorld
{
    public const string LaoSubject = "ແຈ້ງເຕືອນ: ຈຸດໝາຍ 2 ອັນຮອດກຳນົດພາຍໃນ 14 ວັນ";
    public const string LaoText = "ສະບາຍດີ ທ່ານ ບຸນມີ,\n\nຈຸດໝາຍ «ຕິດຕັ້ງເຊີບເວີ» ຮອດກຳນົດວັນທີ 15 ທັນວາ 2026.";

    public static OutgoingMail LaoDigest(string? id = null, params ReminderKind[] kinds) => new(
        id ?? $"digest/officer-lo-{Guid.NewGuid():N}/2026-12-01",
        "officer-lo",
        "bounmy@mpt.gov.la",
        "ບຸນມີ ສີສະຫວາດ",
        "lo",
        LaoSubject,
        LaoText,
        null,
        kinds.Length == 0 ? [ReminderKind.Milestones] : kinds);

    /// <summary>As the reminders do: through the Marten outbox, committed with the session.</summary>
    public static async Task PublishInTransactionAsync(IServiceProvider services, OutgoingMail mail)
    {
        using var scope = services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
        outbox.Enroll(session);
        await outbox.PublishAsync(mail);
        await session.SaveChangesAsync();
    }

    public static async Task<SentMail> OutcomeAsync(IServiceProvider services, string mailId, Func<SentMail, bool> done, string waitingFor)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var sent = await PollUntilOrThrow(async () =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<SentMail>(mailId);
        }, m => m is not null && done(m), TimeSpan.FromSeconds(60), waitingFor);
        return sent!;
    }

    public static async Task<long> DeadLettersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand("SELECT table_schema FROM information_schema.tables WHERE table_name = 'wolverine_dead_letters'", connection);
        var schema = (string?)await find.ExecuteScalarAsync() ?? throw new InvalidOperationException("No wolverine_dead_letters table.");
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {schema}.wolverine_dead_letters WHERE message_type ILIKE '%outgoing%mail%'", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

/// <summary>Adds up one of ProgramTracker's counters, by its kind tag, while it is alive.</summary>
public sealed class CounterWatch : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _byKind = [];

    public CounterWatch(string instrument)
    {
        _listener.InstrumentPublished = (i, listener) =>
        {
            if (i.Meter.Name == ProgramTracker.Api.Operations.Telemetry.MeterName && i.Name == instrument) listener.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var kind = "";
            foreach (var tag in tags) if (tag.Key == "kind") kind = tag.Value?.ToString() ?? "";
            lock (_byKind) _byKind[kind] = _byKind.GetValueOrDefault(kind) + value;
        });
        _listener.Start();
    }

    public long Of(string kind)
    {
        lock (_byKind) return _byKind.GetValueOrDefault(kind);
    }

    public void Dispose() => _listener.Dispose();
}
