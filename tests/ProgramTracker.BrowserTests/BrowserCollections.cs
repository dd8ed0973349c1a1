using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: CollectionBehavior("ProgramTracker.BrowserTests.BrowserCollections", "ProgramTracker.BrowserTests")]

namespace ProgramTracker.BrowserTests;

/// <summary>
/// xunit's usual collections, except that with <c>PROGRAMTRACKER_BROWSER_COLLECTIONS=N</c> (N &gt; 1) the browser test
/// classes are dealt round-robin into N collections, each with a <see cref="BrowserFixture"/> of its own (its own app,
/// PostgreSQL and Chromium), which xunit runs side by side. Tests in one collection still run one at a time against
/// their app, as with one collection; no two collections share anything. Unset or 1: one collection, as before.
/// </summary>
public sealed class BrowserCollections(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink) : IXunitTestCollectionFactory
{
    public const string Variable = "PROGRAMTRACKER_BROWSER_COLLECTIONS";

    private readonly CollectionPerClassTestCollectionFactory _usual = new(testAssembly, diagnosticMessageSink);
    private readonly int _count = Math.Max(1, int.TryParse(Environment.GetEnvironmentVariable(Variable), out var n) ? n : 1);
    private readonly Dictionary<int, ITestCollection> _collections = [];
    private readonly Dictionary<string, ITestCollection> _ofClass = [];

    public string DisplayName => _count == 1 ? "collection-per-class" : $"collection-per-class, browser tests in {_count} collections";

    public ITestCollection Get(ITypeInfo testClass)
    {
        var usual = _usual.Get(testClass);
        if (_count == 1 || usual.DisplayName != BrowserCollection.Name) return usual;
        lock (_ofClass)
        {
            if (_ofClass.TryGetValue(testClass.Name, out var known)) return known;
            var index = _ofClass.Count % _count;
            if (!_collections.TryGetValue(index, out var collection))
            {
                collection = new TestCollection(testAssembly, usual.CollectionDefinition, $"{BrowserCollection.Name} {index + 1} of {_count}");
                _collections[index] = collection;
            }
            return _ofClass[testClass.Name] = collection;
        }
    }
}
