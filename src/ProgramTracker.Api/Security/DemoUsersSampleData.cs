using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Committees.Members;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SampleData;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Officers;

namespace ProgramTracker.Api.Security;

/// <summary>
/// Gives the development sign-in's demo officer and chair their places, through the same commands any
/// administrator would use: the officer is assigned to the Party Office workstreams and the chair takes the chair
/// of the Party Office committee. Loaded only with the development sign-in; idempotent like every loader.
/// </summary>
public sealed class DemoUsersSampleData(TimeProvider clock) : ISampleData
{
    public int Order => 300;

    public async Task LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var agreement = await session.LoadAsync<Agreement>(SampleIds.PartyOfficeMou, ct);
        if (agreement is null) return;

        var officer = DemoUsers.Officer;
        foreach (var workstreamId in agreement.Workstreams.Select(w => w.WorkstreamId))
        {
            var workstream = await session.LoadAsync<Workstream>(workstreamId, ct);
            if (workstream is null || workstream.Officers.Any(o => o.PersonId == officer.PersonId)) continue;
            var assigned = AssignProjectOfficer.Decide(new AssignProjectOfficer(officer.PersonId!, officer.Name), workstream);
            if (assigned.Accepted) await session.AppendAtCurrentVersionAsync(workstreamId, assigned.Events, ct);
        }

        var committee = await session.LoadAsync<Committee>(CommitteeSampleData.PartyOfficeCommittee, ct);
        var chair = DemoUsers.Chair;
        if (committee is not null && committee.Members.All(m => m.PersonId != chair.PersonId))
        {
            var party = committee.Principals.FirstOrDefault()?.PartyId ?? agreement.Parties[0].PartyId;
            var appointed = AppointMember.Decide(
                new AppointMember(chair.PersonId!, chair.Name, CommitteeRole.Chair, party, clock.Today()), committee, agreement);
            if (appointed.Accepted) await session.AppendAtCurrentVersionAsync(committee.Id, appointed.Events, ct);
        }

        SampleDataSession.Stamp(session, nameof(DemoUsersSampleData));
        await session.SaveChangesAsync(ct);
    }
}
