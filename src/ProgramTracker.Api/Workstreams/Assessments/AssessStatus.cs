using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams.Assessments;

/// <summary>
/// A RAG judgement of the workstream, with the reason for it, for one side of the agreement or for both. Who made
/// it is the signed-in user, never a value from the request.
/// </summary>
public sealed record AssessStatus(Rag Rating, string Reason, string? PartyId = null, DateOnly? AssessedOn = null, Correction? Correction = null)
{
    public static Decision Decide(AssessStatus command, Workstream workstream, Agreement? agreement, Actor assessor, DateOnly today,
        Recorder? recorder = null)
    {
        var assessedOn = command.AssessedOn ?? today;
        if (command.PartyId is { } partyId && agreement?.HasParty(partyId) != true)
            return Refusal.Invalid("partyId", "party-unknown", $"'{partyId}' is not a party to this agreement.");
        if (assessedOn > today)
            return Refusal.Invalid("assessedOn", "future-date", $"An assessment cannot be made on {assessedOn:yyyy-MM-dd}, a date in the future.");
        // The current rating is the latest one recorded, so a back-dated rating would silently become "current".
        if (workstream.Assessments.Count > 0 && workstream.Assessments[^1].AssessedOn is var latest && assessedOn < latest)
            return Refusal.Invalid("assessedOn", "before-latest-assessment",
                $"The workstream was last assessed on {latest:yyyy-MM-dd}; a new assessment cannot be dated before that.");

        return (recorder ?? Recorder.Direct).Record(workstream, new StatusAssessed(workstream.Id, workstream.AgreementId, command.Rating,
            command.Reason.Trim(), assessor.Name, command.PartyId, assessedOn), "assessedOn", assessedOn, command.Correction);
    }
}

public static class AssessStatusEndpoint
{
    public static ProblemDetails Validate(AssessStatus command) => new InputRules()
        .Must(Enum.IsDefined(command.Rating), "rating", "rating-unknown", "'rating' must be green, amber or red.")
        .Reason(command.Reason)
        .MaxLength("partyId", command.PartyId, 40)
        .Date("assessedOn", command.AssessedOn)
        .Correction(command.Correction)
        .ToProblem();

    [Authorize(Policy = Policies.RecordOnWorkstream)]
    [Writes]
    [WolverinePost("/api/workstreams/{workstreamId}/assessments")]
    public static async Task<IResult> Post(Guid workstreamId, AssessStatus command, IDocumentSession session, HttpContext http,
        TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var agreement = await session.LoadAsync<Workstream>(workstreamId, ct) is { } known
            ? await session.LoadAsync<Agreement>(known.AgreementId, ct)
            : null;
        return await session.DecideAsync<Workstream>(http, workstreamId, command,
            workstream => AssessStatus.Decide(command, workstream, agreement, Actor.From(http.User), clock.Today(),
                Recorder.For(agreement, Actor.From(http.User), Guid.Empty)), "workstream");
    }
}
