using System.Globalization;
using JasperFx.CommandLine;
using Marten;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.Agreements.ReviewPacks;

public enum ReviewPackAction
{
    verify,
}

public class ReviewPackInput : NetCoreInput
{
    [Description("What to do: 'verify' recomputes a frozen pack from the events and checks the hash printed on it")]
    public ReviewPackAction Action { get; set; } = ReviewPackAction.verify;

    [Description("The agreement's id, as printed on the pack")]
    [FlagAlias("agreement")]
    public string? AgreementFlag { get; set; }

    [Description("The day the pack was frozen for, such as 2024-06-30")]
    [FlagAlias("date")]
    public string? DateFlag { get; set; }

    [Description("The 64 hexadecimal digits printed on the pack")]
    [FlagAlias("sha256")]
    public string? Sha256Flag { get; set; }
}

[Description("Checks a printed review pack: 'review-pack verify --agreement ID --date YYYY-MM-DD --sha256 HASH' exits 0 when it still matches", Name = "review-pack")]
public sealed class ReviewPackCommand : JasperFxAsyncCommand<ReviewPackInput>
{
    public override async Task<bool> Execute(ReviewPackInput input)
    {
        if (!Guid.TryParse(input.AgreementFlag, out var agreementId))
        {
            await Console.Error.WriteLineAsync("--agreement takes the agreement's id, such as 0195d3a0-0000-7000-8000-000000000001.");
            return false;
        }
        if (!DateOnly.TryParseExact(input.DateFlag, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            await Console.Error.WriteLineAsync("--date takes the pack's day, such as 2024-06-30.");
            return false;
        }
        if (input.Sha256Flag is not { } sha || !VerifyReviewPack.Hex64().IsMatch(sha.Trim()))
        {
            await Console.Error.WriteLineAsync("--sha256 takes the 64 hexadecimal digits printed on the pack.");
            return false;
        }

        using var host = input.BuildHost();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await using var session = store.QuerySession();
            if (await ReviewPackVerifier.VerifyAsync(session, agreementId, day, sha, CancellationToken.None) is not { } result)
            {
                await Console.Error.WriteLineAsync($"There is no agreement {agreementId} in this database.");
                return false;
            }
            Console.WriteLine($"Pack:        {result.AgreementId} as of {result.PackDate:yyyy-MM-dd}");
            Console.WriteLine($"Printed:     {result.Sha256}");
            Console.WriteLine($"Recomputed:  {result.RecomputedSha256 ?? "-"}");
            if (result.Sequence is { } sequence) Console.WriteLine($"Frozen by:   event {sequence}");
            if (result.DifferingSections.Count > 0) Console.WriteLine($"Differs in:  {string.Join(", ", result.DifferingSections)}");
            Console.WriteLine(result.Matches ? $"MATCHES. {result.Message}" : $"DOES NOT MATCH. {result.Message}");
            return result.Matches;
        }
        finally
        {
            // The host never ran, so the hook that stops the embedded server with the app never fires.
            host.Services.GetService<EmbeddedPostgres>()?.Stop();
        }
    }
}
