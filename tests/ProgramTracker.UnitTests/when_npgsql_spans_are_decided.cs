using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.UnitTests;

/// <summary>
/// While anything listens to the "Npgsql" activity source, Npgsql builds an activity (and a batch's whole text) for
/// every command. The app's tracer listens only when the spans go somewhere: an OTLP endpoint, or the setting.
/// </summary>
public class when_npgsql_spans_are_decided
{
    private static bool TracerListensToNpgsql(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.AddObservability();
        using var services = builder.Services.BuildServiceProvider();
        using var tracer = services.GetRequiredService<TracerProvider>();
        // A source of the same name: the tracer's listener picks sources by name, as it would pick Npgsql's own.
        using var npgsql = new ActivitySource("Npgsql");
        using var marten = new ActivitySource("Marten");
        marten.HasListeners().ShouldBeTrue("the tracer is running and listens to Marten");
        return npgsql.HasListeners();
    }

    [Fact]
    public void with_nothing_exporting_the_tracer_leaves_npgsql_alone() =>
        TracerListensToNpgsql().ShouldBeFalse();

    [Fact]
    public void with_an_otlp_endpoint_npgsql_is_traced() =>
        TracerListensToNpgsql(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1")).ShouldBeTrue();

    [Fact]
    public void with_only_a_traces_endpoint_npgsql_is_traced() =>
        TracerListensToNpgsql(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:1/v1/traces")).ShouldBeTrue();

    [Fact]
    public void the_setting_turns_them_on_for_an_exporter_of_the_hosts_own() =>
        TracerListensToNpgsql((Observability.NpgsqlSpansSetting, "true")).ShouldBeTrue();

    [Fact]
    public void the_setting_turns_them_off_even_with_an_endpoint() =>
        TracerListensToNpgsql(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1"), (Observability.NpgsqlSpansSetting, "false")).ShouldBeFalse();
}
