using Microsoft.AspNetCore.Authorization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.SignOff;
using Wolverine.Http;

namespace ProgramTracker.Api.Workstreams;

public static class GetWorkstreamEndpoint
{
    [Authorize(Policy = Policies.ReadWorkstream)]
    [Returns<WorkstreamView>(ETag = true)]
    [WolverineGet("/api/workstreams/{id}")]
    public static async Task<IResult> Get(Guid id, string? asOf, string? basis, string? figures, Reads reads, HttpContext http)
    {
        if (!QueryValues.TryDate("asOf", asOf, out var asOfDay, out var problem)) return problem!;
        if (!AsOfBases.TryRead(basis, AsOfBasis.Recorded, out var asOfBasis, out problem)) return problem!;
        if (!QueryValues.TryFigures(figures, out var figuresBasis, out problem)) return problem!;
        if (await reads.WorkstreamAsync(id, asOfDay, http.RequestAborted, asOfBasis, figuresBasis) is not { } read) return Problems.NotFound("workstream", id);
        http.Response.Headers.ETag = ETags.For(read.Workstream.Version);
        return Results.Ok(read.View);
    }
}

/// <summary>
/// The workstream detail as clients read it: the snapshot plus the figures derived from it. <c>CurrentRag</c> is the
/// latest assessment only; <c>Figures</c> holds what the dashboard and the page show (the rating, assessed or derived,
/// overdue, next due, stale), worked out by <see cref="DashboardFigures"/>.
/// </summary>
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
    long Version,
    WorkstreamDashboardView Figures,
    IReadOnlyList<Submission>? Submissions = null,
    IReadOnlyList<CorrectionNote>? Corrections = null)
{
    public static WorkstreamView From(Workstream w, WorkstreamDashboardView figures) => new(
        w.Id, w.AgreementId, w.Code, w.Title, w.Objective, w.LeadPartyId, w.Start, w.End, w.IsSample,
        w.PercentComplete, w.CurrentRag, w.Officers,
        [.. w.Milestones.Select(MilestoneView.From)], w.Indicators, w.Assessments, w.LastUpdatedAt, w.Version, figures,
        w.Submissions, w.Corrections);
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
