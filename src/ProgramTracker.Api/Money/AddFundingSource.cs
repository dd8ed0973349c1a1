using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Money;

/// <summary>A party of the agreement (<see cref="PartyId"/>) or a named partner who funds its work.</summary>
public sealed partial record AddFundingSource(LocalizedText Name, string? PartyId = null, string? SourceId = null)
{
    public string IdOrDefault => SourceId?.Trim() is { Length: > 0 } id ? id : PartyId?.Trim() is { Length: > 0 } party ? party : "";

    public static Decision Decide(AddFundingSource command, AgreementMoney money, bool isSample = false)
    {
        var partyId = command.PartyId?.Trim() is { Length: > 0 } p ? p : null;
        if (partyId is not null && !money.PartyIds.Contains(partyId))
            return Refusal.Invalid("partyId", "unknown-party", $"'{partyId}' is not a party of this agreement.");
        var sourceId = command.IdOrDefault is { Length: > 0 } given ? given : Slug(command.Name);
        if (money.FindSource(sourceId) is not null)
            return Refusal.Conflict("sourceId", "source-exists", $"The agreement already has a funding source '{sourceId}'.");
        return Decision.Accept(new FundingSourceAdded(money.Id, sourceId, command.Name, partyId, isSample));
    }

    private static string Slug(LocalizedText name)
    {
        var text = name.Present().First().Text.ToLowerInvariant();
        var slug = NotSlug().Replace(text, "-").Trim('-');
        return slug.Length is > 0 and <= 60 ? slug : $"source-{Guid.CreateVersion7():N}"[..20];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

public static partial class AddFundingSourceEndpoint
{
    public static ProblemDetails Validate(AddFundingSource command) => new InputRules()
        .Text("name", command.Name)
        .MaxLength("partyId", command.PartyId, 100)
        .MaxLength("sourceId", command.SourceId, 60)
        .Must(command.SourceId is null || SourceIdPattern().IsMatch(command.SourceId), "sourceId", "source-id",
            "'sourceId' is letters, digits and dashes, such as 'adb' or 'vn-moha'.")
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePost("/api/agreements/{agreementId}/money/sources")]
    public static Task<IResult> Post(Guid agreementId, AddFundingSource command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<AgreementMoney>(http, agreementId, command, money => AddFundingSource.Decide(command, money), "agreement");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex SourceIdPattern();
}
