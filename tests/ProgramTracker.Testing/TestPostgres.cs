using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Testing;

/// <summary>The test run's private PostgreSQL cluster, and databases of their own on it.</summary>
public static class TestPostgres
{
    /// <summary>A throwaway cluster, stopped when the test process exits whatever way it ends.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string purpose)
    {
        var postgres = await EmbeddedPostgres.StartThrowawayAsync(purpose);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.Stop();
        return postgres;
    }

    /// <summary>An empty database on the same cluster as <paramref name="connectionString"/>; answers its connection string.</summary>
    public static async Task<string> NewDatabaseAsync(string connectionString, string purpose, int? maxPoolSize = null)
    {
        var name = $"{purpose}_{Guid.NewGuid():N}"[..Math.Min(purpose.Length + 33, 63)].ToLowerInvariant();
        await ExecuteAsync(connectionString, $"CREATE DATABASE {name}");
        var database = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        if (maxPoolSize is { } size) database.MaxPoolSize = size;
        return database.ConnectionString;
    }

    public static Task DropDatabaseAsync(string connectionString, string database) =>
        ExecuteAsync(connectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
