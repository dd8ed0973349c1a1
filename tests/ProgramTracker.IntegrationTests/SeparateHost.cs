using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// An app host with settings of its own (low rate limits, the Production environment), on a fresh database in the
/// shared test cluster: two Solo nodes must never share one event store.
/// </summary>
public sealed class SeparateHost : IAsyncDisposable
{
    /// <summary>A request with this header is made by a signed-in user with that id, as far as the host knows.</summary>
    public const string UserHeader = "X-Test-User";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _adminConnectionString;
    private readonly string _database;

    private SeparateHost(WebApplicationFactory<Program> factory, string adminConnectionString, string database, string connectionString)
    {
        _factory = factory;
        _adminConnectionString = adminConnectionString;
        _database = database;
        ConnectionString = connectionString;
    }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The host's own database.</summary>
    public string ConnectionString { get; }

    public static async Task<SeparateHost> StartAsync(AppFixture app, string environment, IDictionary<string, string> settings,
        Action<IApplicationBuilder>? afterTheApp = null)
    {
        var database = $"host_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = database }.ConnectionString;

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("ProgramTracker:Authentication:DemoSignIn", "true");
            web.UseSetting("ConnectionStrings:Marten", connectionString);
            web.UseSetting("Logging:LogLevel:Default", "Critical");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new TestUsers(afterTheApp)));
        });
        using var warmUp = factory.CreateClient();
        return new SeparateHost(factory, app.ConnectionString, database, connectionString);
    }

    public HttpClient CreateClient(string baseAddress = "http://localhost") =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>The host's database stops accepting connections and ends the ones it has: a database outage.</summary>
    public async Task RefuseConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var refuse = new NpgsqlCommand(
            $"ALTER DATABASE {_database} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database}'",
            connection);
        await refuse.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Stands in for sign-in where a test needs several distinct users (the header names the user), and lets a
    /// test add middleware behind the app's own pipeline, inside its exception handler.
    /// </summary>
    private sealed class TestUsers(Action<IApplicationBuilder>? afterTheApp) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (http.Request.Headers[UserHeader] is [{ Length: > 0 } id])
                {
                    Claim[] claims = [new("sub", id), new(ClaimTypes.Name, id), new(ClaimTypes.Role, "admin"), new("roles", "admin")];
                    http.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test", ClaimTypes.Name, ClaimTypes.Role));
                }
                return following(http);
            });
            next(app);
            afterTheApp?.Invoke(app);
        };
    }
}
