using Marten;

namespace ProgramTracker.Api.SampleData;

/// <summary>Runs every registered <see cref="ISampleData"/> in order and reports what each one added.</summary>
public sealed class SampleDataLoader(IEnumerable<ISampleData> loaders, IDocumentStore store)
{
    public async Task<IReadOnlyList<SampleDataLoaded>> LoadAsync(CancellationToken ct)
    {
        List<SampleDataLoaded> report = [];
        foreach (var loader in loaders.OrderBy(l => l.Order))
        {
            var before = await store.Advanced.FetchEventStoreStatistics(token: ct);
            await loader.LoadAsync(store, ct);
            var after = await store.Advanced.FetchEventStoreStatistics(token: ct);
            report.Add(new SampleDataLoaded(loader.GetType().Name, after.StreamCount - before.StreamCount, after.EventCount - before.EventCount));
        }
        return report;
    }
}

/// <summary>What one loader added. Other writers on a live database can make these counts approximate.</summary>
public sealed record SampleDataLoaded(string Loader, long StreamsAdded, long EventsAdded)
{
    public override string ToString() => $"{Loader}: {StreamsAdded} streams, {EventsAdded} events added";
}
