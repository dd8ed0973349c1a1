namespace ProgramTracker.Api.Hosting;

public static class EmbeddedPostgresHosting
{
    public const string ConnectionStringName = "Marten";

    /// <summary>
    /// With no <c>ConnectionStrings:Marten</c>, starts the private cluster kept in <c>.data/postgres</c> at the
    /// repository root (or ProgramTracker:Postgres:DataDirectory) and points the app at it. It stops with the app.
    /// With a connection string, or for a <c>codegen</c> command, starts nothing.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedPostgresWhenNoConnectionString(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName))) return builder;
        if (CodeGeneration.Configuration.IsCodegenCommand)
        {
            // 'codegen write' builds the host but never connects: it must work on a clean clone with nothing running.
            builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = "Host=127.0.0.1;Database=codegen;Username=codegen";
            return builder;
        }

        var dataDirectory = builder.Configuration["ProgramTracker:Postgres:DataDirectory"]
                            ?? Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");
        var binDirectory = builder.Configuration["ProgramTracker:Postgres:BinDirectory"];

        var pg = EmbeddedPostgres.StartAsync(dataDirectory, binDirectory, log: Console.WriteLine).GetAwaiter().GetResult();
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = pg.ConnectionString;
        builder.Configuration["ProgramTracker:EmbeddedDatabase"] = "true";
        builder.Services.AddSingleton(pg);
        // Commands other than 'run' (help, seed, db-apply) never start the host; stop the server when they exit.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => pg.Stop();
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        return builder;
    }

    internal static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln"))) return dir.FullName;
        }
        return start;
    }

    /// <summary>Stops the embedded server after everything else in the host has stopped.</summary>
    private sealed class EmbeddedPostgresLifetime(EmbeddedPostgres pg) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken ct)
        {
            pg.Stop();
            return Task.CompletedTask;
        }
    }
}
