using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.SignOff;

/// <summary>
/// Whether officers' figures on the agreement wait for sign-off, and who besides administrators may review them: the
/// person ids (as they sign in) of people named on the agreement, such as the other party's focal point.
/// </summary>
public sealed record SetSignOff(bool Required, string Reason, IReadOnlyList<string>? Reviewers = null)
{
    public const int MaxReviewers = 20;

    public static Decision Decide(SetSignOff command, Agreement agreement)
    {
        var reviewers = (command.Reviewers ?? []).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (!command.Required && reviewers.Count > 0)
            return Refusal.Invalid("reviewers", "no-sign-off", "Reviewers are named only when sign-off is required.");
        if (command.Required == agreement.RequiresSignOff && reviewers.SequenceEqual(agreement.Reviewers))
            return Refusal.Conflict("required", "no-change", command.Required
                ? "The agreement already requires sign-off by these reviewers."
                : "The agreement does not require sign-off.");

        return command.Required
            ? Decision.Accept(new SignOffRequired(agreement.Id, reviewers, command.Reason.Trim()))
            : Decision.Accept(new SignOffNoLongerRequired(agreement.Id, command.Reason.Trim()));
    }
}

public static class SetSignOffEndpoint
{
    public static ProblemDetails Validate(SetSignOff command) => new InputRules()
        .Required("reason", command.Reason, InputRules.LongText)
        .Must((command.Reviewers?.Count ?? 0) <= SetSignOff.MaxReviewers, "reviewers", "max-count",
            $"At most {SetSignOff.MaxReviewers} reviewers may be named.")
        .Must(command.Reviewers?.All(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 100) ?? true, "reviewers", "person-id",
            "Each reviewer is a person id as they sign in, of at most 100 characters.")
        .ToProblem();

    [Authorize(Policy = Policies.Administrator)]
    [Writes]
    [WolverinePut("/api/agreements/{agreementId}/sign-off")]
    public static Task<IResult> Put(Guid agreementId, SetSignOff command, IDocumentSession session, HttpContext http) =>
        session.DecideAsync<Agreement>(http, agreementId, command, agreement => SetSignOff.Decide(command, agreement), "agreement");
}
