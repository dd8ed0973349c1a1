using Marten;
using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams;

public static class GetWorkstreamEndpoint
{
    [Authorize(Policy = Policies.ReadWorkstream)]
    [Reads<WorkstreamView>(ETag = true)]
    [WolverineGet("/api/workstreams/{id}")]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var asOfDay, out var problem)) return problem!;
        var workstream = asOfDay is { } day
            ? await AsOf.WorkstreamAsync(session, id, day, http.RequestAborted)
            : await session.LoadAsync<Workstream>(id, http.RequestAborted);
        if (workstream is null) return Problems.NotFound("workstream", id);
        http.Response.Headers.ETag = ETags.For(workstream.Version);
        return Results.Ok(WorkstreamView.From(workstream));
    }
}

/// <summary>The workstream detail as clients read it: the snapshot plus the figures derived from it.</summary>
public sealed record WorkstreamView(
    Guid Id,
    Guid AgreementId,
    string Code,
    LocalizedText Title,
    LocalizedText? Objective,
    string? LeadPartyId,
    PartialDate? Start,
    PartialDate? End,
    bool IsSample,
    decimal PercentComplete,
    Rag? CurrentRag,
    IReadOnlyList<ProjectOfficer> Officers,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Assessment> RagHistory,
    DateTimeOffset LastUpdatedAt,
    long Version)
{
    public static WorkstreamView From(Workstream w) => new(
        w.Id, w.AgreementId, w.Code, w.Title, w.Objective, w.LeadPartyId, w.Start, w.End, w.IsSample,
        w.PercentComplete, w.CurrentRag, w.Officers,
        [.. w.Milestones.Select(MilestoneView.From)], w.Indicators, w.Assessments, w.LastUpdatedAt, w.Version);
}

public sealed record MilestoneView(
    Guid Id,
    LocalizedText Title,
    decimal Weight,
    DateOnly BaselineDueDate,
    DateOnly DueDate,
    int VarianceDays,
    MilestoneStatus Status,
    int Percent,
    bool IsSample,
    DateOnly? StartedOn,
    DateOnly? CompletedOn,
    string? BlockedReason,
    string? LastNarrative,
    string? EvidenceUrl,
    int RescheduleCount)
{
    public static MilestoneView From(Milestone m) => new(m.Id, m.Title, m.Weight, m.BaselineDueDate, m.DueDate, m.VarianceDays,
        m.Status, m.Percent, m.IsSample, m.StartedOn, m.CompletedOn, m.BlockedReason, m.LastNarrative, m.EvidenceUrl, m.RescheduleCount);
}
