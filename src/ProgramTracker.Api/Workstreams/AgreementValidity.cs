using Marten;
using ProgramTracker.Api.Agreements;

namespace ProgramTracker.Api.Workstreams;

public static class AgreementValidity
{
    /// <summary>The validity period of the agreement a workstream belongs to; open when either is unknown.</summary>
    public static async Task<ValidityPeriod> ForWorkstreamAsync(IQuerySession session, Guid workstreamId, CancellationToken ct)
    {
        var workstream = await session.LoadAsync<Workstream>(workstreamId, ct);
        if (workstream is null) return ValidityPeriod.Open;
        var agreement = await session.LoadAsync<Agreement>(workstream.AgreementId, ct);
        return agreement?.Validity ?? ValidityPeriod.Open;
    }
}
