using JasperFx.CommandLine;
using Marten;

namespace ProgramTracker.Api.Operations;

public class ArchiveInput : NetCoreInput
{
    [Description("The JSON lines file to write (export) or read (import); '-' for standard output or input")]
    [FlagAlias("file", 'f')]
    public string FileFlag { get; set; } = "-";
}

[Description("Export the event store (every stream and event with its metadata) as JSON lines, for backup or migration", Name = "export")]
public class ExportCommand : JasperFxAsyncCommand<ArchiveInput>
{
    public override async Task<bool> Execute(ArchiveInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var output = input.FileFlag == "-" ? Console.OpenStandardOutput() : File.Create(input.FileFlag);
        var (streams, events) = await EventArchive.ExportAsync(store, output, CancellationToken.None);
        await Console.Error.WriteLineAsync($"Exported {streams} streams and {events} events.");
        return true;
    }
}

[Description("Import an exported event store into an empty database, then rebuild every projection", Name = "import")]
public class ImportCommand : JasperFxAsyncCommand<ArchiveInput>
{
    public override async Task<bool> Execute(ArchiveInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var source = input.FileFlag == "-" ? Console.OpenStandardInput() : File.OpenRead(input.FileFlag);
        try
        {
            var (streams, events) = await EventArchive.ImportAsync(store, source, Console.Error.WriteLine, CancellationToken.None);
            await Console.Error.WriteLineAsync($"Imported {streams} streams and {events} events; projections rebuilt.");
            return true;
        }
        catch (EventArchiveException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
    }
}
