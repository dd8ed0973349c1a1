using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.UnitTests;

/// <summary>
/// While anything listens to an activity source, the library behind it builds its spans: Npgsql an activity (and a
/// batch's whole text) for every command, Wolverine and Marten theirs with their tags. The node traces only when the
/// spans go somewhere (an OTLP endpoint, or the setting), and listens to Npgsql only then too.
/// </summary>
public class when_traces_are_decided
{
    private sealed record Listened(bool Tracer, bool Marten, bool Wolverine, bool Npgsql);

    private static Listened WhatIsListenedTo(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.AddObservability();
        using var services = builder.Services.BuildServiceProvider();
        using var tracer = services.GetService<TracerProvider>();
        // Sources of the same names: a tracer's listener picks sources by name, as it would pick the libraries' own.
        using var marten = new ActivitySource("Marten");
        using var wolverine = new ActivitySource("Wolverine");
        using var npgsql = new ActivitySource("Npgsql");
        return new Listened(tracer is not null, marten.HasListeners(), wolverine.HasListeners(), npgsql.HasListeners());
    }

    [Fact]
    public void with_nothing_exporting_nothing_is_traced() =>
        WhatIsListenedTo().ShouldBe(new Listened(Tracer: false, Marten: false, Wolverine: false, Npgsql: false));

    [Fact]
    public void with_an_otlp_endpoint_everything_is_traced() =>
        WhatIsListenedTo(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1"))
            .ShouldBe(new Listened(Tracer: true, Marten: true, Wolverine: true, Npgsql: true));

    [Fact]
    public void with_only_a_traces_endpoint_everything_is_traced() =>
        WhatIsListenedTo(("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:1/v1/traces"))
            .ShouldBe(new Listened(Tracer: true, Marten: true, Wolverine: true, Npgsql: true));

    [Fact]
    public void the_traces_setting_turns_the_tracer_on_for_an_exporter_of_the_hosts_own_without_npgsql() =>
        WhatIsListenedTo((Observability.TracesSetting, "true"))
            .ShouldBe(new Listened(Tracer: true, Marten: true, Wolverine: true, Npgsql: false));

    [Fact]
    public void the_npgsql_setting_adds_its_spans_to_such_a_tracer() =>
        WhatIsListenedTo((Observability.TracesSetting, "true"), (Observability.NpgsqlSpansSetting, "true"))
            .ShouldBe(new Listened(Tracer: true, Marten: true, Wolverine: true, Npgsql: true));

    [Fact]
    public void the_npgsql_setting_leaves_them_out_even_with_an_endpoint() =>
        WhatIsListenedTo(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1"), (Observability.NpgsqlSpansSetting, "false"))
            .ShouldBe(new Listened(Tracer: true, Marten: true, Wolverine: true, Npgsql: false));

    [Fact]
    public void the_traces_setting_turns_tracing_off_even_with_an_endpoint() =>
        WhatIsListenedTo(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1"), (Observability.TracesSetting, "false"))
            .ShouldBe(new Listened(Tracer: true, Marten: false, Wolverine: false, Npgsql: false), "the exporter's own provider listens to no source");
}
