using JasperFx.Events;
using Marten;
using ProgramTracker.Api.Agreements;

namespace ProgramTracker.Api.SampleData;

/// <summary>
/// Loads the five catalogue agreements with their workstreams, each in one transaction. An agreement whose
/// stream is already there is left alone, so loading twice appends nothing.
/// </summary>
public sealed class AgreementSampleData(ILogger<AgreementSampleData> logger) : ISampleData
{
    public int Order => 100;

    public async Task LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        foreach (var sample in AgreementCatalogue.All)
        {
            await using var session = store.LightweightSession();
            if (await session.Events.FetchStreamStateAsync(sample.Id, ct) is not null)
            {
                logger.LogInformation("Sample agreement {Code} is already there", sample.Register.Code);
                continue;
            }

            var predecessorExists = sample.Register.PredecessorId is { } pid && await session.LoadAsync<Agreement>(pid, ct) is not null;
            var codeTaken = await session.Query<Agreement>().AnyAsync(a => a.Code == sample.Register.Code, ct);
            var plan = sample.Decide(predecessorExists, codeTaken);
            if (plan.Refusal is { } refusal)
            {
                logger.LogWarning("Sample agreement {Code} was not loaded: {Field} {Rule}: {Message}",
                    sample.Register.Code, refusal.Field, refusal.Rule, refusal.Message);
                continue;
            }

            SampleDataSession.Stamp(session, nameof(AgreementSampleData));
            foreach (var stream in plan.Streams) session.Events.StartStream(stream.AggregateType, stream.StreamId, [.. stream.Events]);
            try
            {
                await session.SaveChangesAsync(ct);
                logger.LogInformation("Loaded sample agreement {Code} with {Workstreams} workstreams",
                    sample.Register.Code, plan.Streams.Count - 1);
            }
            catch (Exception e) when (IsStreamCollision(e))
            {
                // Another node loading at the same time started it first; its transaction holds the whole agreement.
                logger.LogInformation("Sample agreement {Code} was loaded by another process", sample.Register.Code);
            }
        }
    }

    private static bool IsStreamCollision(Exception e) =>
        e is ExistingStreamIdCollisionException || e.InnerException is { } inner && IsStreamCollision(inner);
}
