namespace ProgramTracker.Api.SampleData;

/// <summary>
/// Loads the sample data when the host starts, if ProgramTracker:SampleData:LoadOnStart is true. It defaults to
/// true with the embedded database (a first run shows something) and to false with a configured one.
/// </summary>
public sealed class LoadSampleDataOnStart(SampleDataLoader loader, IConfiguration configuration, ILogger<LoadSampleDataOnStart> logger)
    : IHostedService
{
    public const string Setting = "ProgramTracker:SampleData:LoadOnStart";

    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>(Setting) ?? configuration.GetValue("ProgramTracker:EmbeddedDatabase", false);

    public async Task StartAsync(CancellationToken ct)
    {
        if (!Enabled(configuration)) return;
        try
        {
            foreach (var loaded in await loader.LoadAsync(ct)) logger.LogInformation("Sample data: {Loaded}", loaded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Sample data is a convenience: the tracker still serves its users' own data without it.
            logger.LogError(e, "The sample data could not be loaded; the app runs without it. Load it later with 'dotnet run -- seed'.");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
