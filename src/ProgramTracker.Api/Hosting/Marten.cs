using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Feeds;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.Api.Money;
using ProgramTracker.Api.Operations;
using ProgramTracker.Api.Workstreams;
using Weasel.Core;
using Wolverine.Marten;

namespace ProgramTracker.Api.Hosting;

public static class MartenSetup
{
    public const string Schema = "programtracker";

    /// <summary>
    /// By default the app creates and updates its own tables at start (additive changes only). Operators who
    /// apply schema changes themselves (<c>dotnet run -- db-apply</c>) set ProgramTracker:Database:AutoMigrate=false.
    /// </summary>
    public static AutoCreate SchemaAutoCreate(IConfiguration configuration) =>
        configuration.GetValue("ProgramTracker:Database:AutoMigrate", true) ? AutoCreate.CreateOrUpdate : AutoCreate.None;

    /// <summary>
    /// With AutoMigrate on, a node that starts skips the whole schema diff when the database holds the stamp of this very
    /// configuration (Weasel's schema fingerprint, a SHA-256 of every object's DDL, in public.weasel_schema_fingerprints):
    /// the first start, or the first after an upgrade, diffs and applies as before and then stamps; later starts read one
    /// row instead of the catalog. A matching stamp is trusted: changes made by hand behind the app's back are not looked
    /// for at start (db-assert finds them, db-apply repairs them). Commands such as db-apply always diff in full.
    /// Off by default: the full diff at start is also what switches a disabled audit guard (AppendOnlyEvents) back on,
    /// and a trusted stamp skips that too. ProgramTracker:Database:TrustSchemaStamp=true turns it on for nodes whose
    /// schema only the app changes.
    /// </summary>
    public static bool TrustsSchemaStamp(IConfiguration configuration) =>
        configuration.GetValue("ProgramTracker:Database:TrustSchemaStamp", false) && RunsTheHost;

    /// <summary>No command, options only (<c>--urls ...</c>), or <c>run</c>: the process serves, it is not db-apply and the like.</summary>
    private static bool RunsTheHost =>
        Environment.GetCommandLineArgs() is not [_, var first, ..] || first.StartsWith('-') || first.Equals("run", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Npgsql prepares a statement on a connection once it has run there a few times (Max Auto Prepare), and PostgreSQL
    /// then no longer parses and plans it on every run. Marten's statements are few and fully parameterised, so a write
    /// repeats the same handful: prepared, a progress report cost PostgreSQL about 40% less CPU (README, Performance).
    /// ProgramTracker:Database:MaxAutoPrepare sets how many statements each connection keeps (20; 0 turns it off);
    /// a connection string that sets Max Auto Prepare itself keeps its own value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString, IConfiguration configuration)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare > 0) return connectionString;
        var statements = configuration.GetValue("ProgramTracker:Database:MaxAutoPrepare", 20);
        if (statements <= 0) return connectionString;
        settings.MaxAutoPrepare = statements;
        return settings.ConnectionString;
    }

    /// <summary>
    /// The async daemon loads each page of a rebuild or catch-up with <c>seq_id &gt; floor and seq_id &lt;= high water ...
    /// order by seq_id limit batch</c>. Once Npgsql has prepared that statement, PostgreSQL may switch to a generic plan,
    /// which cannot know that the range covers the rest of the store: it joins and sorts every event above the floor for
    /// each page (a cost that grows with the store, so the rebuild with it grows with the square of the store), where a
    /// custom plan walks the primary key and stops after one batch. It keeps the generic plan when its estimate is below
    /// the custom plans' average, and both move with the batch size, the store's size, the floor and each projection's
    /// event types, so no batch size is safe: at 200,034 events, batches of 500 once read 90 million rows instead of 2.5
    /// million, and at 1,000,000 batches of 5,000 stalled (README, Performance, scenario 6). In the projections and
    /// import commands, which rebuild, every statement gets a custom plan (it is still parsed once per connection);
    /// ProgramTracker:Database:CustomPlans=true or false sets it for any process (serving nodes keep generic plans by
    /// default: their live statements are the ones preparing saves most on, and their batches stay at 500).
    /// </summary>
    public static string WithCustomPlans(string connectionString, IConfiguration configuration)
    {
        if (!(configuration.GetValue<bool?>("ProgramTracker:Database:CustomPlans") ?? RunsARebuildCommand)) return connectionString;
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // A connection string that sets the plan cache mode itself keeps its own value.
        if (settings.Options?.Contains("plan_cache_mode", StringComparison.OrdinalIgnoreCase) == true) return connectionString;
        settings.Options = string.IsNullOrWhiteSpace(settings.Options)
            ? CustomPlansOption
            : $"{settings.Options} {CustomPlansOption}";
        return settings.ConnectionString;
    }

    public const string CustomPlansOption = "-c plan_cache_mode=force_custom_plan";

    /// <summary><c>projections ...</c> (rebuild, run) or <c>import</c>, which rebuilds every projection at its end.</summary>
    public static bool RunsARebuildCommand =>
        Environment.GetCommandLineArgs() is [_, var first, ..] &&
        (first.Equals("projections", StringComparison.OrdinalIgnoreCase) || first.Equals("import", StringComparison.OrdinalIgnoreCase));

    public static WebApplicationBuilder AddEventStore(this WebApplicationBuilder builder)
    {
        var connectionString = WithCustomPlans(WithAutoPrepare(builder.Configuration.GetConnectionString(EmbeddedPostgresHosting.ConnectionStringName)
                               ?? throw new InvalidOperationException("ConnectionStrings:Marten is not set."), builder.Configuration), builder.Configuration);

        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = Schema;
                options.AutoCreateSchemaObjects = SchemaAutoCreate(builder.Configuration);
                options.Advanced.Migrator.UseSchemaFingerprinting = TrustsSchemaStamp(builder.Configuration);

                // Nulls are left out of stored JSON: milestones and titles are mostly unset fields, and leaving them out
                // makes the dashboard documents about 40% smaller to write, read and parse. Reading treats a missing
                // member as null, so documents and events stored with nulls read the same.
                options.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.Default,
                    json => json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Quick appends with the timestamp set in .NET: plain Quick lets the database stamp the event after
                // the inline projections have already seen another time, so a rebuild would change every snapshot.
                options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
                options.Events.UseIdentityMapForAggregates = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;

                options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();
                options.OpenTelemetry.TrackFetchForWritingMetrics();

                options.Schema.For<IdempotentRequest>().DocumentAlias("idempotent_request");

                options.AddAgreements();
                options.AddWorkstreams();
                options.AddDashboards();
                options.AddCommittees();
                options.AddOperations();
                options.AddAuditTrail();
                options.AddFeeds();
                options.AddReminders();
                options.AddProjectionDaemonTuning(builder.Configuration);
                options.AddMoney();
                options.AddProjectionBatchSize(builder.Configuration);
            })
            .UseLightweightSessions();
        if (Cluster.IsEnabled(builder.Configuration))
        {
            marten.IntegrateWithWolverine(m => m.UseWolverineManagedEventSubscriptionDistribution = true);
        }
        else
        {
            marten.AddAsyncDaemon(DaemonMode.Solo).IntegrateWithWolverine();
        }
        if (SchemaAutoCreate(builder.Configuration) != AutoCreate.None) marten.ApplyAllDatabaseChangesOnStartup();

        return builder;
    }
}
