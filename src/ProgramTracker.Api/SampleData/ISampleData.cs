using Marten;

namespace ProgramTracker.Api.SampleData;

/// <summary>
/// One capability's share of the sample data. Loaders run in <see cref="Order"/> and must be idempotent: a second
/// run finds its streams already there and appends nothing. Everything they add that the source documents do not
/// state is marked as sample data.
/// </summary>
public interface ISampleData
{
    /// <summary>Agreements and workstreams load at 100; what refers to them (committees) loads later.</summary>
    int Order { get; }

    Task LoadAsync(IDocumentStore store, CancellationToken ct);
}
