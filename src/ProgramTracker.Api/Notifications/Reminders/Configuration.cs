using Marten;
using Wolverine;

namespace ProgramTracker.Api.Notifications.Reminders;

public static class Configuration
{
    public const string PublicUrlKey = "ProgramTracker:PublicUrl";
    public const string DefaultPublicUrl = "http://localhost:5080";
    public const string Queue = "reminders";

    /// <summary>The reminder settings (validated at start), the run, and the daily schedule kept by one node.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>().Bind(builder.Configuration.GetSection(ReminderOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration[PublicUrlKey] is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{PublicUrlKey} '{url}' is not an absolute address such as https://programtracker.example.org.");
        builder.Services.AddSingleton<DigestRun>();
        builder.Services.AddSingleton<DailySchedule>();
        if (builder.Configuration.GetValue($"{ReminderOptions.Section}:Schedule", true))
            builder.Services.AddHostedService<ScheduleDailyDigestsAtStart>();
        return builder;
    }

    /// <summary>The daily run goes through a durable local queue, so its schedule survives restarts and runs on one node.</summary>
    public static WolverineOptions AddReminders(this WolverineOptions options)
    {
        options.PublishMessage<SendDailyDigests>().ToLocalQueue(Queue);
        options.LocalQueue(Queue).UseDurableInbox();
        return options;
    }

    public static StoreOptions AddReminders(this StoreOptions options)
    {
        options.Schema.For<DigestSent>().DocumentAlias("digest_sent").Duplicate(d => d.PersonId).Duplicate(d => d.Day);
        return options;
    }
}
