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
    /// Traces, metrics and logs (with trace and span ids) for the app, ASP.NET Core, Npgsql, Wolverine and Marten.
    /// They are exported over OTLP only when an OTEL_EXPORTER_OTLP_*ENDPOINT setting is present; without one,
    /// nothing is exported and nothing fails.
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

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Wolverine")
                .AddSource("Marten"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Wolverine*")
                .AddMeter("Marten*")
                .AddMeter(Telemetry.MeterName));

        if (OtlpConfigured(builder.Configuration)) otel.UseOtlpExporter();

        builder.AddOperations();
        return builder;
    }

    private static bool OtlpConfigured(IConfiguration configuration) =>
        configuration.AsEnumerable().Any(setting =>
            setting.Key.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.OrdinalIgnoreCase)
            && setting.Key.EndsWith("ENDPOINT", StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrWhiteSpace(setting.Value));
}
