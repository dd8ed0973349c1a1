using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProgramTracker.Api.Operations;

namespace ProgramTracker.Api.Hosting;

public static class Observability
{
    public const string ServiceName = "ProgramTracker";

    /// <summary>
    /// Whether Npgsql's command spans are recorded. Unset: exactly when an OTLP endpoint is configured. A host that adds
    /// an exporter of its own (the operations tests' in-memory one) sets it to <c>true</c>.
    /// </summary>
    public const string NpgsqlSpansSetting = "ProgramTracker:Telemetry:NpgsqlSpans";

    /// <summary>
    /// Whether the node records traces at all. Unset: exactly when an OTLP endpoint is configured. A host that adds an
    /// exporter of its own (the operations tests' in-memory one) sets it to <c>true</c>.
    /// </summary>
    public const string TracesSetting = "ProgramTracker:Telemetry:Traces";

    /// <summary>
    /// Traces, metrics and logs (with trace and span ids) for the app, ASP.NET Core, Npgsql, Wolverine and Marten.
    /// They are exported over OTLP only when an OTEL_EXPORTER_OTLP_*ENDPOINT setting is present; without one,
    /// nothing is exported and nothing fails, no tracer runs (<see cref="TracesSetting"/>), and Npgsql's per-command
    /// spans are not recorded at all (<see cref="NpgsqlSpansSetting"/>).
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var exporting = OtlpConfigured(builder.Configuration);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        // With nothing exporting them, a tracer would still build every span of ASP.NET Core, Wolverine and Marten, tags
        // and events included, only to drop it. Without one, nothing listens to those sources and they build none. The
        // request keeps its trace id either way: ASP.NET Core starts the request's activity for its logging scope, and
        // that id is what the log records, the problem details and the events' correlation ids carry.
        if (builder.Configuration.GetValue<bool?>(TracesSetting) ?? exporting)
            otel.WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource("Wolverine")
                    .AddSource("Marten");
                // While anything listens to the "Npgsql" source, Npgsql builds an activity for every command and, for
                // a batch, the text of all its statements joined (5 % of what a write allocated, sixth round). With
                // a tracer but no OTLP endpoint (a host's own exporter), they are left out unless asked for.
                if (builder.Configuration.GetValue<bool?>(NpgsqlSpansSetting) ?? exporting) tracing.AddNpgsql();
            });
        otel.WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddMeter("Wolverine*")
            .AddMeter("Marten*")
            .AddMeter(Telemetry.MeterName));

        if (exporting) otel.UseOtlpExporter();

        builder.AddOperations();
        return builder;
    }

    private static bool OtlpConfigured(IConfiguration configuration) =>
        configuration.AsEnumerable().Any(setting =>
            setting.Key.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.OrdinalIgnoreCase)
            && setting.Key.EndsWith("ENDPOINT", StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrWhiteSpace(setting.Value));
}
