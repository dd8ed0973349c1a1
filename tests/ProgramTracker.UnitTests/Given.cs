using JasperFx.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

/// <summary>Builds state the way the event store does: by folding events, each stamped with a time.</summary>
public static class Given
{
    public static readonly DateTimeOffset Start = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid AgreementId = Guid.Parse("0195d3a0-0000-7000-8000-000000000001");
    public static readonly Guid WorkstreamId = Guid.Parse("0195d3a0-0000-7000-8000-000000000002");

    public static IEnumerable<IEvent> Stamped(IEnumerable<object> events) =>
        events.Select((data, i) =>
        {
            var e = Event.For(data);
            e.Timestamp = Start.AddDays(i);
            e.Version = i + 1;
            return (IEvent)e;
        });

    public static Workstream Workstream(params object[] events) =>
        Stamped([Opened(), .. events]).Aggregate((Workstream?)null, Api.Workstreams.Workstream.Fold)!;

    public static Agreement Agreement(params object[] events) =>
        Stamped([Registered(), .. events]).Aggregate((Agreement?)null, Api.Agreements.Agreement.Fold)!;

    public static AgreementRegistered Registered(ValidityPeriod? validity = null) => new(
        AgreementId, "VN-LA-MOHA-2023",
        new LocalizedText(En: "MoU on home affairs cooperation 2023–2026", Vi: "Bản ghi nhớ hợp tác 2023–2026"),
        [
            new Party("vn-moha", new LocalizedText(En: "Ministry of Home Affairs (Viet Nam)", Vi: "Bộ Nội vụ"), "VN"),
            new Party("la-moha", new LocalizedText(En: "Ministry of Home Affairs (Lao PDR)", Lo: "ກະຊວງພາຍໃນ"), "LA"),
        ],
        new PartialDate(2023, 5, 23), null,
        validity ?? new ValidityPeriod(new PartialDate(2023, 6, 1), new PartialDate(2026, 12, 31)),
        AgreementStatus.InForce, null, null, false);

    public static WorkstreamOpened Opened() => new(WorkstreamId, AgreementId, "TRAIN",
        new LocalizedText(En: "Training in public administration"), null, "vn-moha", null, null, false);

    public static MilestonePlanned Planned(Guid milestoneId, DateOnly due, decimal weight = 1) =>
        new(WorkstreamId, AgreementId, milestoneId, new LocalizedText(En: $"Milestone {milestoneId:N}"[..20]), due, weight, false);
}
