using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using ProgramTracker.Api.Hosting;
using Wolverine;
using Wolverine.Attributes;

namespace ProgramTracker.Api.Notifications.Reminders;

/// <summary>The daily job: send <see cref="Day"/>'s digests. A durable scheduled message, so exactly one node runs it.</summary>
[MessageIdentity(MessageType)]
public sealed record SendDailyDigests(DateOnly Day)
{
    public const string MessageType = "send-daily-digests";
}

public static class SendDailyDigestsHandler
{
    /// <summary>Runs the day, then makes sure the next day's run is scheduled (it is not, until this one ends).</summary>
    public static async Task Handle(SendDailyDigests message, DigestRun run, DailySchedule schedule, CancellationToken ct)
    {
        await run.RunAsync(message.Day, ct);
        await schedule.EnsureNextAsync(ct);
    }
}

/// <summary>
/// Keeps exactly one <see cref="SendDailyDigests"/> waiting in Wolverine's durable inbox: at start (every node) and
/// after each run. Nodes starting together take a database lock to look and schedule, so only the first schedules.
/// </summary>
public sealed class DailySchedule(IDocumentStore store, IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<DailySchedule> logger)
{
    // Any fixed number, the same on every node: the key of the advisory lock around "look, then schedule".
    private const long LockKey = 0x50_54_52_45_4D_44_31;

    /// <summary>Answers the day scheduled now, or null when one was already waiting.</summary>
    public async Task<DateOnly?> EnsureNextAsync(CancellationToken ct)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction))
        {
            take.Parameters.AddWithValue("key", LockKey);
            await take.ExecuteNonQueryAsync(ct);
        }
        if (await PendingAsync(connection, transaction, ct) > 0)
        {
            await transaction.CommitAsync(ct);
            return null;
        }

        var (at, day) = options.Value.NextSendAfter(clock.GetUtcNow());
        await using (var scope = scopes.CreateAsyncScope())
        {
            // Persisted before the lock is let go, so the next node to look sees it.
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().ScheduleAsync(new SendDailyDigests(day), at);
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("The digests for {Day} are scheduled for {At:u}", day, at);
        return day;
    }

    /// <summary>Daily runs waiting in the durable inbox.</summary>
    public static async Task<long> PendingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var count = new NpgsqlCommand(
            $"select count(*) from {MartenSetup.Schema}.wolverine_incoming_envelopes where message_type = @type and status = 'Scheduled'",
            connection, transaction);
        count.Parameters.AddWithValue("type", SendDailyDigests.MessageType);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }
}

/// <summary>Schedules the first daily run once the app (and Wolverine with it) has started; retries while the database is away.</summary>
public sealed class ScheduleDailyDigestsAtStart(DailySchedule schedule, IHostApplicationLifetime lifetime, ILogger<ScheduleDailyDigestsAtStart> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var __ = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await schedule.EnsureNextAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "The daily digests could not be scheduled yet; trying again in a minute");
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
