using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Marten;
using Npgsql;
using ProgramTracker.Api.Operations;

namespace ProgramTracker.Api.Hosting;

public static class Health
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ProjectionLagHealthCheck>("projections", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson }).AllowAnonymous();
        return app;
    }

    private static Task WriteJson(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            totalMilliseconds = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }));
    }

    private sealed class DatabaseHealthCheck(IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                var cs = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(EmbeddedPostgresHosting.ConnectionStringName))
                {
                    Timeout = 3, Pooling = false,
                };
                await using var conn = new NpgsqlConnection(cs.ConnectionString);
                await conn.OpenAsync(ct);
                await using var cmd = new NpgsqlCommand(
                    "select count(*) from information_schema.tables where table_schema = @schema and table_name = 'mt_events'", conn);
                cmd.Parameters.AddWithValue("schema", MartenSetup.Schema);
                var schemaReady = (long)(await cmd.ExecuteScalarAsync(ct))! == 1;
                return schemaReady
                    ? HealthCheckResult.Healthy($"PostgreSQL {conn.PostgreSqlVersion} reachable; event store schema present.")
                    : HealthCheckResult.Unhealthy("PostgreSQL is reachable but the event store schema is missing.");
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
            }
        }
    }

    /// <summary>
    /// Degraded, naming the projections, when an async projection has left an event waiting longer than
    /// ProgramTracker:Health:MaxProjectionLagSeconds: the app still answers, but its views are out of date.
    /// </summary>
    private sealed class ProjectionLagHealthCheck(IDocumentStore store, IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            var maxLag = configuration.GetValue("ProgramTracker:Health:MaxProjectionLagSeconds", 60.0);
            try
            {
                var report = await ProjectionStatus.ReadAsync(store, ct);
                var data = report.Projections.ToDictionary(p => p.Name, p => (object)new { p.Sequence, p.EventsBehind, p.LagSeconds });
                var stalled = report.Projections.Where(p => p.LagSeconds > maxLag).ToList();
                return stalled.Count == 0
                    ? HealthCheckResult.Healthy($"{report.Projections.Count} async projection(s) within {maxLag} s of the newest event (sequence {report.HeadSequence}).", data)
                    : HealthCheckResult.Degraded(
                        $"Projection(s) behind by more than {maxLag} s: {string.Join(", ", stalled.Select(p => $"{p.Name} ({p.LagSeconds:0} s, {p.EventsBehind} events)"))}.",
                        data: data);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("Could not read the projections' progress.", e);
            }
        }
    }
}
