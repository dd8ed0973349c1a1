using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Agreements;

public sealed record RegisterAgreement(
    string Code,
    LocalizedText Title,
    IReadOnlyList<Party> Parties,
    PartialDate? SignedOn = null,
    LocalizedText? SignedAt = null,
    ValidityPeriod? Validity = null,
    AgreementStatus Status = AgreementStatus.Signed,
    string? SourceReference = null,
    Guid? PredecessorId = null,
    Guid? AgreementId = null)
{
    public static Decision Decide(RegisterAgreement command, Guid agreementId, bool predecessorExists, bool codeTaken, bool isSample = false)
    {
        if (codeTaken)
            return Refusal.Conflict("code", "code-taken", $"Another agreement already has the code '{command.Code}'.");
        if (command.PredecessorId is not null && !predecessorExists)
            return Refusal.Invalid("predecessorId", "predecessor-unknown", $"No agreement has the id {command.PredecessorId} to be this one's predecessor.");

        return Decision.Accept(new AgreementRegistered(agreementId, command.Code.Trim(), command.Title, command.Parties,
            command.SignedOn, command.SignedAt, command.Validity ?? ValidityPeriod.Open, command.Status,
            command.SourceReference, command.PredecessorId, isSample));
    }
}

public static partial class RegisterAgreementEndpoint
{
    public static ProblemDetails Validate(RegisterAgreement command)
    {
        var rules = new InputRules()
            .Required("code", command.Code, 40)
            .Must(command.Code is null || CodePattern().IsMatch(command.Code), "code", "code-format",
                "'code' may hold only letters, digits, '-', '_' and '.'.")
            .Text("title", command.Title, maxLength: 500)
            .Must(command.Parties is { Count: >= 2 }, "parties", "min-parties", "An agreement needs at least two parties.")
            .Must(command.Parties is null || command.Parties.Count <= 20, "parties", "max-parties", "An agreement may have at most 20 parties.")
            .Text("signedAt", command.SignedAt, required: false)
            .MaxLength("sourceReference", command.SourceReference, InputRules.UrlLength);

        if (command.Parties is not null && command.Parties.Any(p => p is null))
            return rules.Must(false, "parties", "required", "Each party must be an object, not null.").ToProblem();
        if (command.Parties is not null)
        {
            rules.Must(command.Parties.Select(p => p.PartyId).Distinct().Count() == command.Parties.Count,
                "parties", "distinct-party-ids", "Each party needs its own 'partyId'.");
            for (var i = 0; i < command.Parties.Count; i++) ValidateParty(rules, $"parties[{i}]", command.Parties[i]);
        }

        if (command.Validity is { From.Earliest: { } from, To.Latest: { } to })
            rules.Must(from <= to, "validity.to", "period-order", "The validity period must end after it starts.");

        return rules.ToProblem();
    }

    private static void ValidateParty(InputRules rules, string path, Party party)
    {
        rules.Required($"{path}.partyId", party.PartyId, 40)
            .Text($"{path}.name", party.Name, maxLength: 300)
            .Must(party.Country is { Length: 2 } c && c.All(char.IsAsciiLetterUpper), $"{path}.country", "country-code",
                "'country' must be an ISO 3166 two-letter code in capitals, such as LA, VN or TH.")
            .MaxLength($"{path}.shortName", party.ShortName, 40)
            .Text($"{path}.parentBody", party.ParentBody, required: false, maxLength: 300)
            .Must(party.Signatories is null || party.Signatories.Count <= 20, $"{path}.signatories", "max-signatories",
                "A party may have at most 20 signatories.");
        for (var s = 0; s < (party.Signatories?.Count ?? 0); s++)
        {
            if (party.Signatories![s] is null)
            {
                rules.Must(false, $"{path}.signatories[{s}]", "required", "Each signatory must be an object, not null.");
                continue;
            }
            rules.Text($"{path}.signatories[{s}].name", party.Signatories![s].Name)
                .Text($"{path}.signatories[{s}].title", party.Signatories[s].Title, required: false, maxLength: 300);
        }
    }

    [Authorize(Policy = Policies.Administrator)]
    [Creates(HonoursIfMatch = false)]
    [WolverinePost("/api/agreements")]
    public static async Task<IResult> Post(RegisterAgreement command, IDocumentSession session, HttpContext http)
    {
        var id = command.AgreementId ?? Guid.CreateVersion7();
        var ct = http.RequestAborted;
        var predecessorExists = command.PredecessorId is { } pid && await session.LoadAsync<Agreement>(pid, ct) is not null;
        var code = command.Code.Trim();
        var codeTaken = await session.Query<Agreement>().AnyAsync(a => a.Code == code, ct);

        return await session.StartAsync<Agreement>(http, id, command,
            () => RegisterAgreement.Decide(command, id, predecessorExists, codeTaken),
            location: $"/api/agreements/{id}");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex CodePattern();
}
