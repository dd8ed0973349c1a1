using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

/// <summary>
/// Every event type is named to the store when it is configured, not when it is first appended or read: the daemon
/// filters on them, and the event feed and the webhook form offer them (a type missing from the list until someone
/// used it made the administrator's webhook form differ from one run to the next).
/// </summary>
public class when_the_store_names_its_event_types
{
    private static readonly Type[] Interfaces = [typeof(IAgreementEvent), typeof(IWorkstreamEvent), typeof(ICommitteeEvent)];

    private static IEnumerable<Type> Events() => typeof(IAgreementEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && Interfaces.Any(i => i.IsAssignableFrom(t)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    public static TheoryData<Type> EventTypes() => new(Events());

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void a_freshly_configured_store_knows_it(Type eventType)
    {
        var options = new StoreOptions().AddDashboards();

        ((IReadOnlyStoreOptions)options).Events.AllKnownEventTypes().Select(m => m.EventType).ShouldContain(eventType);
    }

    [Fact]
    public void there_are_committee_events_among_them() =>
        Events().Count(typeof(ICommitteeEvent).IsAssignableFrom).ShouldBeGreaterThan(3);
}
