using JasperFx.CommandLine;
using Marten;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.Audit;

public enum AuditAction
{
    verify,
}

public class AuditInput : NetCoreInput
{
    [Description("What to do: 'verify' walks the hash chain over the events and reports the first broken link")]
    public AuditAction Action { get; set; } = AuditAction.verify;

    [Description("A chain link recorded earlier, as sequence:hash; the chain must still hold it")]
    [FlagAlias("anchor", 'a')]
    public string? AnchorFlag { get; set; }
}

[Description("Checks the tamper-evident audit trail: 'audit verify' exits 0 when the chain is intact, 1 at the first broken link", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public override async Task<bool> Execute(AuditInput input)
    {
        AuditAnchor? anchor = null;
        if (input.AnchorFlag is not null && !AuditAnchor.TryParse(input.AnchorFlag, out anchor))
        {
            await Console.Error.WriteLineAsync("--anchor takes sequence:hash, for example 1234:<64 hex digits>, as 'audit verify' printed it.");
            return false;
        }

        using var host = input.BuildHost();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await using var conn = store.Storage.Database.CreateConnection();
            await conn.OpenAsync();
            var result = await AuditVerifier.VerifyAsync(conn, anchor, CancellationToken.None);
            Console.WriteLine($"Events verified:   {result.EventsVerified}");
            Console.WriteLine($"Chain head:        {result.ChainHeadSequence}:{result.ChainHeadHash}");
            Console.WriteLine($"Not yet chained:   {result.UnchainedEvents} (newer than the chain head; the running app chains them)");
            if (result.LateTombstones > 0) Console.WriteLine($"Late tombstones:   {result.LateTombstones} (Marten's placeholders for failed appends, not chained)");
            if (result.FirstBreak is { } broken)
            {
                Console.WriteLine($"BROKEN at event {broken.Sequence} (stream {broken.StreamId ?? "?"}): {broken.Problem}");
                Console.WriteLine($"  {broken.Detail}");
                return false;
            }
            Console.WriteLine(anchor is null ? "The chain is intact." : $"The chain is intact and holds the anchor {anchor}.");
            return true;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
        {
            await Console.Error.WriteLineAsync("There is no audit chain in this database yet: start the app once so it creates and fills it.");
            return false;
        }
        finally
        {
            // The host never ran, so the hook that stops the embedded server with the app never fires.
            host.Services.GetService<EmbeddedPostgres>()?.Stop();
        }
    }
}
