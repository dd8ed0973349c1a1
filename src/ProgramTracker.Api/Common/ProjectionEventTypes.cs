using JasperFx.Events.Projections;

namespace ProgramTracker.Api.Common;

public static class ProjectionEventTypes
{
    /// <summary>
    /// Names every event type that implements <typeparamref name="T"/> in the projection's allow-list. Marten's daemon
    /// filters the events it loads by type in SQL only when the allow-list holds no interface: with one, a rebuild or
    /// catch-up reads and deserialises every event in the store for every projection (README, Performance, scenario 6).
    /// </summary>
    public static void IncludeEventsOf<T>(this EventFilterable projection)
    {
        foreach (var type in typeof(T).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            projection.IncludeType(type);
        }
    }
}
