using System.Diagnostics;
using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Operations;

/// <summary>One line of a rebuild's answer: a projection starting, rebuilt (with the seconds it took) or failed.</summary>
public sealed record RebuildStep(string Projection, string State, int Step, int Of, double? Seconds = null, string? Error = null);

/// <summary>
/// Administrators' view of the async projections, and rebuilding them. These endpoints must be restricted to
/// administrators once sign-in lands (issue 7).
/// </summary>
public static class ProjectionAdmin
{
    [Authorize(Policy = Policies.Administrator)]
    [Returns<ProjectionStatusReport>]
    [EndpointName("getProjections")]
    [WolverineGet("/api/admin/projections")]
    public static Task<ProjectionStatusReport> Get(IDocumentStore store, HttpContext http) =>
        ProjectionStatus.ReadAsync(store, http.RequestAborted);

    /// <summary>Rebuilds every projection, answering one JSON line per projection as it starts and finishes.</summary>
    [Authorize(Policy = Policies.Administrator)]
    [ProducesResponseType<RebuildStep>(StatusCodes.Status200OK, "application/x-ndjson")]
    [EndpointName("rebuildProjections")]
    [WolverinePost("/api/admin/projections/rebuild")]
    public static IResult RebuildAll(IDocumentStore store, IHost host, IConfiguration configuration) =>
        Rebuild(RebuildableProjections(store), host, configuration);

    [Authorize(Policy = Policies.Administrator)]
    [ProducesResponseType<RebuildStep>(StatusCodes.Status200OK, "application/x-ndjson")]
    [EndpointName("rebuildProjection")]
    [WolverinePost("/api/admin/projections/{name}/rebuild")]
    public static IResult RebuildOne(string name, IDocumentStore store, IHost host, IConfiguration configuration)
    {
        var known = RebuildableProjections(store);
        var match = known.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? Problems.From(Refusal.NotFound("name", "unknown-projection", $"There is no projection named '{name}'. Known projections: {string.Join(", ", known)}."))
            : Rebuild([match], host, configuration);
    }

    /// <summary>Every projection, inline ones included: after an import their documents are rebuilt too.</summary>
    public static IReadOnlyList<string> RebuildableProjections(IDocumentStore store) =>
        ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).Distinct().OrderBy(n => n).ToList();

    private static IResult Rebuild(IReadOnlyList<string> names, IHost host, IConfiguration configuration)
    {
        if (Cluster.IsEnabled(configuration))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Rebuild from the command line in cluster mode.",
                "In cluster mode another node may be running the projection. Stop the app nodes and run 'projections rebuild' instead.",
                "rebuild-needs-solo");
        }

        var coordinator = host.Services.GetRequiredService<IProjectionCoordinator>();
        return Results.Stream(async body =>
        {
            var daemon = coordinator.DaemonForMainDatabase();
            var asyncShards = ProjectionStatus.AsyncShards(host.Services.GetRequiredService<IDocumentStore>());
            for (var i = 0; i < names.Count; i++)
            {
                var watch = Stopwatch.StartNew();
                await WriteLine(body, new RebuildStep(names[i], "rebuilding", i + 1, names.Count));
                try
                {
                    await daemon.RebuildProjectionAsync(names[i], TimeSpan.FromMinutes(10), CancellationToken.None);
                    // The rebuild leaves an async projection stopped; resume it so it follows new events again.
                    foreach (var shard in asyncShards.Where(s => s.Name == names[i]))
                    {
                        await daemon.StartAgentAsync(shard.Identity, CancellationToken.None);
                    }
                    await WriteLine(body, new RebuildStep(names[i], "rebuilt", i + 1, names.Count, Seconds: watch.Elapsed.TotalSeconds));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    await WriteLine(body, new RebuildStep(names[i], "failed", i + 1, names.Count, Error: e.Message));
                }
            }
        }, "application/x-ndjson");
    }

    private static async Task WriteLine(Stream body, RebuildStep line)
    {
        await JsonSerializer.SerializeAsync(body, line, Json);
        await body.WriteAsync("\n"u8.ToArray());
        await body.FlushAsync();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
