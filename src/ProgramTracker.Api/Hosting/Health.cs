using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ProgramTracker.Api.Hosting;

public static class Health
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJson });
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
}
