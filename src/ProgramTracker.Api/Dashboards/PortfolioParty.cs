using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Dashboards;

/// <summary>
/// One document per party that some agreement names: what the portfolio's country and party filters offer, read as a
/// few small rows instead of working them out from every agreement on each view. Kept inline, so a new party is offered
/// the moment its agreement is registered. An agreement's parties are set when it is registered and no event changes
/// or removes them, and agreements are never deleted, so the set only grows; the name is the first registration's.
/// </summary>
public sealed class PortfolioParty
{
    public string Id { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public string Country { get; set; } = "";
    public string? ShortName { get; set; }

    public PartyView View => new(Id, Name, Country, ShortName);
}

public sealed partial class PortfolioPartyProjection : MultiStreamProjection<PortfolioParty, string>
{
    // A new event that changes an agreement's parties must be grouped here too (and, if it can drop a party, the
    // document must count the agreements that name it).
    public PortfolioPartyProjection()
    {
        // Named, so the daemon loads only registrations in a rebuild or catch-up (README, Performance, scenario 6).
        IncludeType<AgreementRegistered>();
        Identities<AgreementRegistered>(e => [.. e.Parties.Select(p => p.PartyId)]);
    }

    public override PortfolioParty? Evolve(PortfolioParty? snapshot, string id, IEvent e) =>
        snapshot ?? (e.Data is AgreementRegistered r && r.Parties.FirstOrDefault(p => p.PartyId == id) is { } party
            ? new PortfolioParty { Id = id, Name = party.Name, Country = party.Country, ShortName = party.ShortName }
            : null);
}

/// <summary>
/// Adds the parties of agreements stored before <see cref="PortfolioPartyProjection"/> existed (or by a node that ran
/// without it), once the host has started: from the agreements' inline snapshots, only those not there yet, so it is
/// cheap when nothing is missing and never overwrites what the projection wrote. Until it has run, the filters offer
/// what the projection has seen.
/// </summary>
public sealed class AddMissingPortfolioParties(IDocumentStore store, ILogger<AddMissingPortfolioParties> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            var added = await AddAsync(store, ct);
            if (added > 0) logger.LogInformation("Added {Count} parties to the portfolio's filter choices from stored agreements", added);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The portfolio's filter choices could not be completed from the stored agreements; they offer the parties registered since");
        }
    }

    /// <summary>Stores the parties that stored agreements name and no <see cref="PortfolioParty"/> holds; answers how many.</summary>
    public static async Task<int> AddAsync(IDocumentStore store, CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(PortfolioParty), ct);
        await using var session = store.LightweightSession();
        var schema = Hosting.MartenSetup.Schema;
        // The app gives agreements version 7 ids (time-ordered): the earliest agreement's name, as the projection keeps the first.
        var missing = await session.QueryAsync<Party>(
            $"select distinct on (p.value ->> 'PartyId') p.value from {schema}.mt_doc_agreement as d, jsonb_array_elements(d.data -> 'Parties') as p " +
            $"where not exists (select 1 from {schema}.mt_doc_portfolio_party as x where x.id = p.value ->> 'PartyId') " +
            "order by p.value ->> 'PartyId', d.id", ct);
        if (missing.Count == 0) return 0;
        // Upserts: a registration committing meanwhile may write one of them too, with a later agreement's name.
        foreach (var party in missing)
        {
            session.Store(new PortfolioParty { Id = party.PartyId, Name = party.Name, Country = party.Country, ShortName = party.ShortName });
        }
        await session.SaveChangesAsync(ct);
        return missing.Count;
    }
}
