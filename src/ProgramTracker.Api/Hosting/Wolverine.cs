using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Wolverine;
using Wolverine.Http;

namespace ProgramTracker.Api.Hosting;

public static class WolverineSetup
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            options.Policies.AutoApplyTransactions();
            options.Durability.Mode = DurabilityMode.Solo;
            options.AutoBuildMessageStorageOnStartup = MartenSetup.SchemaAutoCreate(builder.Configuration);
        });
        builder.Services.AddWolverineHttp();

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
