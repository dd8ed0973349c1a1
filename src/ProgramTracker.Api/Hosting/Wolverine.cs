using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using ProgramTracker.Api.Notifications.Reminders;
using ProgramTracker.Api.Notifications.Mail;
using ProgramTracker.Api.CodeGeneration;
using Wolverine;
using Wolverine.Http;

namespace ProgramTracker.Api.Hosting;

public static class WolverineSetup
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.UseGeneratedCode(builder.Configuration, builder.Environment);
            options.Policies.AutoApplyTransactions();
            Cluster.Configure(options, builder.Configuration);
            options.AutoBuildMessageStorageOnStartup = MartenSetup.SchemaAutoCreate(builder.Configuration);
            options.AddReminders();
            options.AddMail(builder.Configuration);
        });
        builder.Services.AddWolverineHttp();
        builder.Services.Configure<HostOptions>(host =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ProgramTracker:ShutdownTimeoutSeconds", 30)));

        builder.Services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));
        return builder;
    }

    /// <summary>
    /// Strict input: unknown members, missing required values and nulls where the contract has none are refused
    /// with a 400 that names the member, before any handler runs.
    /// </summary>
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.MaxDepth = 32;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}

/// <summary>
/// Solo (the default): one node runs everything, including every async projection. Cluster
/// (ProgramTracker:Cluster:Enabled): every node serves HTTP, and Wolverine's leader assigns each async
/// projection to exactly one live node, moving it when that node stops answering. Marten's own HotCold mode
/// does not work with the lock library this build uses (see TOOLCHAIN.md), so Wolverine distributes instead.
/// </summary>
public static class Cluster
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("ProgramTracker:Cluster:Enabled", false);

    public static void Configure(WolverineOptions options, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            options.Durability.Mode = DurabilityMode.Solo;
            return;
        }

        options.Durability.Mode = DurabilityMode.Balanced;
        var section = configuration.GetSection("ProgramTracker:Cluster");
        // How fast a dead node's projections move: nodes heartbeat every HealthCheckSeconds, the leader
        // declares a node dead after StaleNodeSeconds without one and reassigns its agents on its next check.
        options.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(section.GetValue("HealthCheckSeconds", 5.0));
        options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(section.GetValue("StaleNodeSeconds", 30.0));
        options.Durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(section.GetValue("CheckAssignmentSeconds", 10.0));
    }
}
