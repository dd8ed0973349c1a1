using JasperFx.Events;
using Marten;
using Marten.Events;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Testing;

/// <summary>
/// An agreement whose history happened in 2024, recorded after the fact: the events are appended straight to the
/// event store with the timestamps of when they happened, because the API always records "now".
/// </summary>
public sealed record History2024(Guid AgreementId, string Code, Guid WorkstreamId, Guid TrainingMilestone, Guid ExhibitionMilestone)
{
    public static readonly DateTimeOffset Registered = At(2024, 1, 10);
    public static readonly DateTimeOffset Planned = At(2024, 1, 20);
    public static readonly DateTimeOffset TrainingDone = At(2024, 4, 2);
    public static readonly DateTimeOffset Slipped = At(2024, 7, 1);

    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    /// <param name="partyId">The Vietnamese party's id; with <paramref name="partiesOfItsOwn"/>, both parties get ids no other agreement has.</param>
    /// <param name="recordedBy">The user the backfill is recorded as.</param>
    public static async Task<History2024> RecordAsync(IDocumentStore store, string? partyId = null, bool partiesOfItsOwn = false,
        string recordedBy = "backfill")
    {
        var history = new History2024(Guid.CreateVersion7(), $"H24-{Guid.NewGuid():N}"[..16], Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (a, w) = (history.AgreementId, history.WorkstreamId);
        var vn = partyId ?? (partiesOfItsOwn ? $"vn-{history.Code}".ToLowerInvariant() : "vn-moha");
        var la = partiesOfItsOwn ? $"la-{history.Code}".ToLowerInvariant() : "la-moha";

        await AppendAsync(store, recordedBy, Registered, s =>
        [
            s.Events.StartStream<Agreement>(a,
                new AgreementRegistered(a, history.Code, new LocalizedText(En: "Cooperation in staff training", Lo: "ການຝຶກອົບຮົມພະນັກງານ"),
                    [
                        new Party(vn, new LocalizedText(En: "Ministry of Home Affairs"), "VN"),
                        new Party(la, new LocalizedText(En: "Lao Ministry of Home Affairs", Lo: "ກະຊວງພາຍໃນ"), "LA"),
                    ],
                    new PartialDate(2023, 5, 23), null, new ValidityPeriod(new PartialDate(2023, 6, 1), new PartialDate(2027, 12, 31)),
                    AgreementStatus.InForce, null, null, false),
                new WorkstreamAdded(a, w, "TRAIN")),
            s.Events.StartStream<Workstream>(w,
                new WorkstreamOpened(w, a, "TRAIN", new LocalizedText(En: "Training"), null, null, null, null, false)),
        ]);
        await AppendAsync(store, recordedBy, Planned, s => [s.Events.Append(w,
            new MilestonePlanned(w, a, history.TrainingMilestone, new LocalizedText(En: "20 officials trained"), new DateOnly(2024, 3, 31), 1, false),
            new MilestonePlanned(w, a, history.ExhibitionMilestone, new LocalizedText(En: "Anniversary exhibition"), new DateOnly(2024, 9, 30), 1, false))]);
        await AppendAsync(store, recordedBy, TrainingDone, s => [s.Events.Append(w,
            new MilestoneCompleted(w, a, history.TrainingMilestone, new DateOnly(2024, 3, 30), null, "All 20 attended"))]);
        await AppendAsync(store, recordedBy, Slipped, s => [s.Events.Append(w,
            new MilestoneRescheduled(w, a, history.ExhibitionMilestone, new DateOnly(2024, 9, 30), new DateOnly(2024, 12, 31), "Venue under repair"),
            new StatusAssessed(w, a, Rag.Amber, "Exhibition slipped a quarter", "Ms Vongsa", "la-moha", new DateOnly(2024, 7, 1)))]);
        return history;
    }

    private static async Task AppendAsync(IDocumentStore store, string recordedBy, DateTimeOffset at, Func<IDocumentSession, IEnumerable<StreamAction>> append)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = recordedBy;
        foreach (var e in append(session).SelectMany(stream => stream.Events)) e.Timestamp = at;
        await session.SaveChangesAsync();
    }
}
