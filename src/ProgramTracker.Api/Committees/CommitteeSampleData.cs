using JasperFx.Events;
using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees.Meetings;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Committees;

/// <summary>
/// The committees of the sample agreements. The Party Office MoU says both sides appoint a responsible committee
/// after signing and names no one, so its seats are "to be appointed" and its signatories are its principals. The
/// Home Affairs committee and its review meeting are illustrations, marked as sample data. Skips an agreement that
/// is not loaded, and a committee that already exists.
/// </summary>
public sealed class CommitteeSampleData : ISampleData
{
    public static readonly Guid PartyOfficeCommittee = Guid.Parse("5a3e0000-0000-4000-8000-0000000c000a");
    public static readonly Guid HomeAffairsCommittee = Guid.Parse("5a3e0000-0000-4000-8000-0000000c000b");
    public static readonly Guid HomeAffairsReviewMeeting = Guid.Parse("5a3e0000-0000-4000-8000-0000000c0b01");

    private const string NoMembersNamed = "To be appointed: the MoU says both sides appoint a responsible committee after signing; it names no members.";

    public int Order => 200;

    public async Task LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        await LoadPartyOfficeAsync(store, ct);
        await LoadHomeAffairsAsync(store, ct);
    }

    private static async Task LoadPartyOfficeAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var agreement = await session.LoadAsync<Agreement>(SampleIds.PartyOfficeMou, ct);
        if (agreement is null || await session.Events.FetchStreamStateAsync(PartyOfficeCommittee, ct) is not null) return;

        var (office, ministry) = PartyOfficeSides(agreement);
        var command = new EstablishCommittee(
            new LocalizedText(En: "Joint responsible committee for the digitalisation MoU", Lo: "ຄະນະຮັບຜິດຊອບ"),
            new LocalizedText(
                En: "To work together on the digital transformation of office administration, the use of digital tools in the Party Central Office's work, and data links of the Party centre across the country.",
                Lo: "ເພື່ອເຮັດວຽກຮ່ວມກັນ ຫັນເປັນດີຈີຕອນ ວຽກງານການບໍລິຫານຫ້ອງການ ແລະ ນຳໃຊ້ເຄື່ອງມືດີຈີຕອນ ເຂົ້າໃນວຽກງານຫ້ອງວ່າການ ແລະ ເຊື່ອມຂໍ້ມູນສູນກາງພັກ ທົ່ວປະເທດ"),
            EstablishedOn: null,
            Principals:
            [
                new Principal("la-pco-thongsalith-mangnomek", "Thongsalith Mangnomek (ທອງສະລິດ ມັງໜໍ່ເມກ)", office,
                    "Head of the Party Central Office; member of the Party Central Committee Secretariat"),
                new Principal("la-mtc-boviengkham-vongdara", "Boviengkham Vongdara (ບໍ່ວຽງຄໍາ ວົງດາລາ)", ministry,
                    "Minister of Technology and Communications"),
            ],
            SeatsToBeAppointed:
            [
                new OpenSeat(office, CommitteeRole.Member, Note: NoMembersNamed),
                new OpenSeat(ministry, CommitteeRole.Member, Note: NoMembersNamed),
            ]);
        var decision = EstablishCommittee.Decide(command, agreement, PartyOfficeCommittee, isSample: true);
        if (!decision.Accepted) return;

        Stamp(session);
        session.Events.StartStream<Committee>(PartyOfficeCommittee, decision.Events);
        await session.SaveChangesAsync(ct);
    }

    private static async Task LoadHomeAffairsAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var agreement = await session.LoadAsync<Agreement>(SampleIds.HomeAffairsMou2023, ct);
        if (agreement is null || await session.Events.FetchStreamStateAsync(HomeAffairsCommittee, ct) is not null) return;

        var vn = agreement.Parties.FirstOrDefault(p => p.Country == "VN")?.PartyId ?? agreement.Parties[0].PartyId;
        var la = agreement.Parties.FirstOrDefault(p => p.Country == "LA")?.PartyId ?? agreement.Parties[^1].PartyId;
        var established = EstablishCommittee.Decide(new EstablishCommittee(
            new LocalizedText(En: "Joint review committee (sample)", Vi: "Ban điều phối chung (dữ liệu mẫu)", Lo: "ຄະນະກຳມະການຮ່ວມ (ຂໍ້ມູນຕົວຢ່າງ)"),
            new LocalizedText(En: "Sample data, not from the source: reviews the progress of the MoU's areas of cooperation each year."),
            EstablishedOn: null,
            Principals:
            [
                new Principal("vn-moha-pham-thi-thanh-tra", "Phạm Thị Thanh Trà", vn, "Minister of Home Affairs"),
                new Principal("la-moha-thongchanh-manixay", "Thongchanh Manixay", la, "Minister of Home Affairs"),
            ],
            SeatsToBeAppointed: [new OpenSeat(vn, CommitteeRole.Member), new OpenSeat(la, CommitteeRole.Member)]),
            agreement, HomeAffairsCommittee, isSample: true);
        if (!established.Accepted) return;

        var committee = Fold(null, established.Events);
        var agenda = agreement.Workstreams.Take(2).Select(w => w.WorkstreamId).ToList();
        var heldOn = new DateOnly(2024, 6, 14);
        var scheduled = ScheduleMeeting.Decide(new ScheduleMeeting(heldOn, agenda, "Hà Nội"), committee, agreement, HomeAffairsReviewMeeting, isSample: true);
        committee = Fold(committee, scheduled.Events);
        var held = HoldMeeting.Decide(new HoldMeeting([], heldOn, ["Sample data: attendance not recorded"]), committee, HomeAffairsReviewMeeting, heldOn);
        committee = Fold(committee, held.Events);
        var reviews = agenda.Select(ws => ReviewWorkstream.Decide(
            new ReviewWorkstream(ws, Rag.Amber, "Sample review, not from the source: on track overall; the 2024 delegation is still to be confirmed."),
            committee, agreement, HomeAffairsReviewMeeting)).ToList();
        if (new[] { scheduled, held }.Concat(reviews).Any(d => !d.Accepted)) return;

        Stamp(session);
        session.Events.StartStream<Committee>(HomeAffairsCommittee, [.. established.Events, .. scheduled.Events, .. held.Events, .. reviews.SelectMany(r => r.Events)]);
        foreach (var append in reviews.SelectMany(r => r.Appends)) await session.AppendAtCurrentVersionAsync(append.StreamId, append.Events, ct);
        await session.SaveChangesAsync(ct);
    }

    private static (string Office, string Ministry) PartyOfficeSides(Agreement agreement)
    {
        static bool IsPartyOffice(Party p) =>
            p.PartyId.Contains("pco", StringComparison.OrdinalIgnoreCase)
            || p.Name.Present().Any(n => n.Text.Contains("Party", StringComparison.OrdinalIgnoreCase) || n.Text.Contains("ພັກ"));
        var office = agreement.Parties.FirstOrDefault(IsPartyOffice) ?? agreement.Parties[0];
        var ministry = agreement.Parties.FirstOrDefault(p => p != office) ?? agreement.Parties[^1];
        return (office.PartyId, ministry.PartyId);
    }

    private static Committee Fold(Committee? state, IEnumerable<object> events) =>
        events.Aggregate(state, (s, data) => Committee.Fold(s, Event.For(data)))!;

    private static void Stamp(IDocumentSession session)
    {
        session.LastModifiedBy = Actor.System.Name;
        session.CausationId = "sample-data";
        session.SetHeader("user-id", Actor.System.Id);
        session.SetHeader("command", nameof(CommitteeSampleData));
    }
}
