using Microsoft.Extensions.Configuration;
using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.UnitTests;

public class when_the_database_connection_is_set_up
{
    private const string Plain = "Host=127.0.0.1;Port=5432;Database=programtracker;Username=postgres";

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    private static int MaxAutoPrepareOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare;

    [Fact]
    public void statements_are_auto_prepared_by_default() =>
        MaxAutoPrepareOf(MartenSetup.WithAutoPrepare(Plain, Settings())).ShouldBe(20);

    [Fact]
    public void the_setting_says_how_many() =>
        MaxAutoPrepareOf(MartenSetup.WithAutoPrepare(Plain, Settings(("ProgramTracker:Database:MaxAutoPrepare", "50")))).ShouldBe(50);

    [Fact]
    public void zero_leaves_the_connection_string_as_it_was() =>
        MartenSetup.WithAutoPrepare(Plain, Settings(("ProgramTracker:Database:MaxAutoPrepare", "0"))).ShouldBe(Plain);

    [Fact]
    public void a_connection_string_that_sets_it_keeps_its_own_value() =>
        MaxAutoPrepareOf(MartenSetup.WithAutoPrepare(Plain + ";Max Auto Prepare=5", Settings(("ProgramTracker:Database:MaxAutoPrepare", "50")))).ShouldBe(5);

    [Fact]
    public void the_rest_of_the_connection_string_is_kept()
    {
        var settings = new NpgsqlConnectionStringBuilder(MartenSetup.WithAutoPrepare(Plain + ";Password=secret;Timeout=7", Settings()));
        (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password, settings.Timeout)
            .ShouldBe(("127.0.0.1", 5432, "programtracker", "postgres", "secret", 7));
    }
}

public class when_a_process_may_rebuild_projections
{
    private const string Plain = "Host=127.0.0.1;Port=5432;Database=programtracker;Username=postgres";

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    private static string? OptionsOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Options;

    [Fact]
    public void a_serving_process_keeps_postgresqls_plan_cache_by_default() =>
        // The test host is no projections or import command.
        MartenSetup.WithCustomPlans(Plain, Settings()).ShouldBe(Plain);

    [Fact]
    public void the_setting_asks_for_custom_plans() =>
        OptionsOf(MartenSetup.WithCustomPlans(Plain, Settings(("ProgramTracker:Database:CustomPlans", "true"))))
            .ShouldBe("-c plan_cache_mode=force_custom_plan");

    [Fact]
    public void the_setting_can_turn_them_off() =>
        MartenSetup.WithCustomPlans(Plain, Settings(("ProgramTracker:Database:CustomPlans", "false"))).ShouldBe(Plain);

    [Fact]
    public void other_server_options_are_kept() =>
        OptionsOf(MartenSetup.WithCustomPlans(Plain + ";Options=-c statement_timeout=5000", Settings(("ProgramTracker:Database:CustomPlans", "true"))))
            .ShouldBe("-c statement_timeout=5000 -c plan_cache_mode=force_custom_plan");

    [Fact]
    public void a_connection_string_that_sets_the_plan_cache_mode_keeps_its_own() =>
        MartenSetup.WithCustomPlans(Plain + ";Options=-c plan_cache_mode=auto", Settings(("ProgramTracker:Database:CustomPlans", "true")))
            .ShouldBe(Plain + ";Options=-c plan_cache_mode=auto");
}
