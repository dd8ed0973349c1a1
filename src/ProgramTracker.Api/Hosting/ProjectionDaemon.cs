using Marten;

namespace ProgramTracker.Api.Hosting;

/// <summary>How quickly the async daemon sees new events (see README, Performance, scenario 4).</summary>
public static class ProjectionDaemon
{
    public static StoreOptions AddProjectionDaemonTuning(this StoreOptions options, IConfiguration configuration)
    {
        options.Events.UseListenNotifyForEventAppends = configuration.GetValue("ProgramTracker:Projections:ListenNotify", false);
        return options;
    }
}
