using JasperFx.CommandLine;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.SampleData;

[Description("Loads the sample agreements into the configured database; loading again adds nothing")]
public sealed class SeedCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        try
        {
            var report = await host.Services.GetRequiredService<SampleDataLoader>().LoadAsync(CancellationToken.None);
            foreach (var loaded in report) Console.WriteLine(loaded);
            Console.WriteLine(report.Sum(r => r.EventsAdded) == 0
                ? "Nothing added: the sample data was already loaded."
                : $"Added {report.Sum(r => r.StreamsAdded)} streams and {report.Sum(r => r.EventsAdded)} events of sample data.");
            return true;
        }
        finally
        {
            // The host never ran, so the hook that stops the embedded server with the app never fires.
            host.Services.GetService<EmbeddedPostgres>()?.Stop();
        }
    }
}
