using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Committees;

public sealed record EstablishCommittee(
    LocalizedText Name,
    LocalizedText Mandate,
    PartialDate? EstablishedOn = null,
    string? PartyId = null,
    QuorumRule? Quorum = null,
    IReadOnlyList<Principal>? Principals = null,
    IReadOnlyList<OpenSeat>? SeatsToBeAppointed = null,
    Guid? CommitteeId = null)
{
    public static Decision Decide(EstablishCommittee command, Agreement agreement, Guid committeeId, bool isSample = false)
    {
        if (agreement.Status is AgreementStatus.Closed)
            return Refusal.Conflict("agreementId", "agreement-ended", "The agreement is closed; it takes no new committees.");
        if (command.PartyId is { } party && !agreement.HasParty(party))
            return Refusal.Invalid("partyId", "party-unknown", $"'{party}' is not a party to this agreement.");
        if (agreement.SignedOn?.Earliest is { } signed && command.EstablishedOn?.Latest is { } established && established < signed)
            return Refusal.Invalid("establishedOn", "before-signing", $"The agreement was signed on {agreement.SignedOn}; its committee cannot be established before that.");

        var principals = command.Principals ?? [];
        for (var i = 0; i < principals.Count; i++)
        {
            if (!agreement.HasParty(principals[i].PartyId))
                return Refusal.Invalid($"principals[{i}].partyId", "party-unknown", $"'{principals[i].PartyId}' is not a party to this agreement.");
        }
        var seats = command.SeatsToBeAppointed ?? [];
        for (var i = 0; i < seats.Count; i++)
        {
            if (!agreement.HasParty(seats[i].PartyId))
                return Refusal.Invalid($"seatsToBeAppointed[{i}].partyId", "party-unknown", $"'{seats[i].PartyId}' is not a party to this agreement.");
        }

        return Decision.Accept(new CommitteeEstablished(committeeId, agreement.Id, command.PartyId, command.Name, command.Mandate,
            command.Quorum ?? QuorumRule.Majority, command.EstablishedOn, principals, seats, isSample));
    }
}

public static class EstablishCommitteeEndpoint
{
    public static ProblemDetails Validate(EstablishCommittee command)
    {
        var rules = new InputRules()
            .Text("name", command.Name, maxLength: 300)
            .Text("mandate", command.Mandate, maxLength: InputRules.LongText)
            .MaxLength("partyId", command.PartyId, 40);
        if (command.Quorum is { } quorum)
        {
            rules.Must(quorum.Kind != QuorumKind.Fixed || quorum.Count is >= 1 and <= 100, "quorum.count", "quorum-count",
                    "A fixed quorum needs a 'count' between 1 and 100.")
                .Must(quorum.Kind != QuorumKind.Majority || quorum.Count is null, "quorum.count", "quorum-count",
                    "A majority quorum takes no 'count'.");
        }
        var principals = command.Principals ?? [];
        rules.Must(principals.Count <= 20, "principals", "max-principals", "A committee may have at most 20 principals.");
        for (var i = 0; i < principals.Count; i++)
        {
            rules.Required($"principals[{i}].personId", principals[i].PersonId, 80)
                .Required($"principals[{i}].name", principals[i].Name)
                .Required($"principals[{i}].partyId", principals[i].PartyId, 40)
                .MaxLength($"principals[{i}].title", principals[i].Title, 300);
        }
        var seats = command.SeatsToBeAppointed ?? [];
        rules.Must(seats.Count <= 20, "seatsToBeAppointed", "max-seats", "At most 20 kinds of open seats.");
        for (var i = 0; i < seats.Count; i++)
        {
            rules.Required($"seatsToBeAppointed[{i}].partyId", seats[i].PartyId, 40)
                .Must(seats[i].Count is null or (>= 1 and <= 50), $"seatsToBeAppointed[{i}].count", "range", "A seat count is between 1 and 50.")
                .MaxLength($"seatsToBeAppointed[{i}].note", seats[i].Note, 300);
        }
        return rules.ToProblem();
    }

    [Authorize(Policy = Policies.Administrator)]
    [Creates(HonoursIfMatch = false)]
    [WolverinePost("/api/agreements/{agreementId}/committees")]
    public static async Task<IResult> Post(Guid agreementId, EstablishCommittee command, IDocumentSession session, HttpContext http)
    {
        var agreement = await session.LoadAsync<Agreement>(agreementId, http.RequestAborted);
        if (agreement is null) return Problems.NotFound("agreement", agreementId, "agreementId");
        var id = command.CommitteeId ?? Guid.CreateVersion7();
        return await session.StartAsync<Committee>(http, id, command,
            () => EstablishCommittee.Decide(command, agreement, id), location: $"/api/committees/{id}");
    }
}
