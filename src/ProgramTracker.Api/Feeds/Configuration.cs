using Marten;

namespace ProgramTracker.Api.Feeds;

public static class Configuration
{
    /// <summary>Feeds for other systems: the <c>reporting</c> views for BI tools (the event feed is an endpoint).</summary>
    public static StoreOptions AddFeeds(this StoreOptions options)
    {
        options.Storage.Add(new ReportingViews());
        return options;
    }
}
