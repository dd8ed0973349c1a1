using System.Text.Json;
using Marten;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Feeds.OData;

/// <summary>
/// Every row of the feed that one user may read, from the agreement, workstream and committee snapshots, linked to
/// each other so that <c>$expand</c> follows them. The feed's query options then run over these rows in memory:
/// they cannot be turned into queries on the nested snapshot JSON, and a user's agreements are a few hundred rows.
/// </summary>
public sealed class FeedRows
{
    public List<AgreementRow> Agreements { get; } = [];
    public List<WorkstreamRow> Workstreams { get; } = [];
    public List<MilestoneRow> Milestones { get; } = [];
    public List<IndicatorRow> Indicators { get; } = [];
    public List<MeasurementRow> Measurements { get; } = [];
    public List<AssessmentRow> Assessments { get; } = [];
    public List<CommitteeRow> Committees { get; } = [];
    public List<MemberRow> Members { get; } = [];
    public List<MeetingRow> Meetings { get; } = [];
    public List<DecisionRow> Decisions { get; } = [];
    public List<ActionItemRow> ActionItems { get; } = [];

    public static async Task<FeedRows> ReadAsync(IDocumentStore store, Access access, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var visible = access.VisibleAgreements;
        IQueryable<Agreement> agreements = session.Query<Agreement>();
        IQueryable<Workstream> workstreams = session.Query<Workstream>();
        IQueryable<Committee> committees = session.Query<Committee>();
        if (visible is not null)
        {
            agreements = agreements.Where(a => visible.Contains(a.Id));
            workstreams = workstreams.Where(w => visible.Contains(w.AgreementId));
            committees = committees.Where(c => visible.Contains(c.AgreementId));
        }

        var agreementDocs = await agreements.OrderBy(a => a.Code).ToListAsync(ct);
        var workstreamDocs = await workstreams.OrderBy(w => w.Code).ToListAsync(ct);
        var committeeDocs = await committees.ToListAsync(ct);

        var rows = new FeedRows();
        var byId = new Dictionary<Guid, AgreementRow>();
        foreach (var a in agreementDocs)
        {
            var row = AgreementOf(a);
            byId[a.Id] = row;
            rows.Agreements.Add(row);
        }
        foreach (var w in workstreamDocs) rows.Add(w, byId.GetValueOrDefault(w.AgreementId));
        foreach (var c in committeeDocs) rows.Add(c, byId.GetValueOrDefault(c.AgreementId));
        return rows;
    }

    private static AgreementRow AgreementOf(Agreement a) => new()
    {
        Id = a.Id,
        Code = a.Code,
        TitleEn = a.Title.En, TitleVi = a.Title.Vi, TitleLo = a.Title.Lo, TitleTh = a.Title.Th,
        Status = Name(a.Status),
        SignedOn = a.SignedOn?.ToString(), SignedOnYear = a.SignedOn?.Year, SignedOnMonth = a.SignedOn?.Month,
        SignedOnDay = a.SignedOn?.Day, SignedOnEarliest = a.SignedOn?.Earliest,
        ValidFrom = a.Validity.From?.ToString(), ValidFromYear = a.Validity.From?.Year, ValidFromMonth = a.Validity.From?.Month,
        ValidFromDay = a.Validity.From?.Day, ValidFromEarliest = a.Validity.From?.Earliest,
        ValidTo = a.Validity.To?.ToString(), ValidToYear = a.Validity.To?.Year, ValidToMonth = a.Validity.To?.Month,
        ValidToDay = a.Validity.To?.Day, ValidToLatest = a.Validity.To?.Latest,
        Countries = string.Join(", ", a.Countries),
        SourceReference = a.SourceReference,
        PredecessorId = a.PredecessorId,
        IsSample = a.IsSample,
    };

    private void Add(Workstream w, AgreementRow? agreement)
    {
        var row = new WorkstreamRow
        {
            Id = w.Id,
            AgreementId = w.AgreementId,
            Code = w.Code,
            TitleEn = w.Title.En, TitleVi = w.Title.Vi, TitleLo = w.Title.Lo, TitleTh = w.Title.Th,
            ObjectiveEn = w.Objective?.En, ObjectiveVi = w.Objective?.Vi, ObjectiveLo = w.Objective?.Lo, ObjectiveTh = w.Objective?.Th,
            LeadPartyId = w.LeadPartyId,
            Start = w.Start?.ToString(), StartYear = w.Start?.Year, StartMonth = w.Start?.Month, StartDay = w.Start?.Day,
            StartEarliest = w.Start?.Earliest,
            End = w.End?.ToString(), EndYear = w.End?.Year, EndMonth = w.End?.Month, EndDay = w.End?.Day, EndLatest = w.End?.Latest,
            PercentComplete = w.PercentComplete,
            CurrentRag = w.CurrentRag is { } rag ? Name(rag) : null,
            Officers = string.Join(", ", w.Officers.Select(o => o.Name)),
            IsSample = w.IsSample,
            OpenedAt = w.OpenedAt,
            LastUpdatedAt = w.LastUpdatedAt,
            Agreement = agreement,
        };
        agreement?.Workstreams.Add(row);
        Workstreams.Add(row);

        foreach (var m in w.Milestones)
        {
            var milestone = new MilestoneRow
            {
                Id = m.Id, WorkstreamId = w.Id, AgreementId = w.AgreementId,
                TitleEn = m.Title.En, TitleVi = m.Title.Vi, TitleLo = m.Title.Lo, TitleTh = m.Title.Th,
                Weight = m.Weight, Status = Name(m.Status), Percent = m.Percent,
                BaselineDueDate = m.BaselineDueDate, DueDate = m.DueDate, VarianceDays = m.VarianceDays, RescheduleCount = m.RescheduleCount,
                StartedOn = m.StartedOn, CompletedOn = m.CompletedOn, BlockedOn = m.BlockedOn, BlockedReason = m.BlockedReason,
                LastNarrative = m.LastNarrative, EvidenceUrl = m.EvidenceUrl, IsSample = m.IsSample,
                Workstream = row,
            };
            row.Milestones.Add(milestone);
            Milestones.Add(milestone);
        }

        foreach (var i in w.Indicators)
        {
            var latest = i.Latest;
            var indicator = new IndicatorRow
            {
                Id = i.Id, WorkstreamId = w.Id, AgreementId = w.AgreementId,
                NameEn = i.Name.En, NameVi = i.Name.Vi, NameLo = i.Name.Lo, NameTh = i.Name.Th,
                Unit = i.Unit, Baseline = i.Baseline, TargetLow = i.TargetLow, TargetHigh = i.TargetHigh, Period = Name(i.Period),
                LatestValue = latest?.Value, LatestMeasuredOn = latest?.MeasuredOn, TargetMet = i.TargetMet, IsSample = i.IsSample,
                Workstream = row,
            };
            row.Indicators.Add(indicator);
            Indicators.Add(indicator);
            foreach (var (m, n) in i.Measurements.Select((m, n) => (m, n + 1)))
            {
                var measurement = new MeasurementRow
                {
                    IndicatorId = i.Id, Number = n, WorkstreamId = w.Id, AgreementId = w.AgreementId,
                    Period = m.Period, Value = m.Value, MeasuredOn = m.MeasuredOn, Note = m.Note, EvidenceUrl = m.EvidenceUrl,
                    Indicator = indicator,
                };
                indicator.Measurements.Add(measurement);
                Measurements.Add(measurement);
            }
        }

        foreach (var (a, n) in w.Assessments.Select((a, n) => (a, n + 1)))
        {
            var assessment = new AssessmentRow
            {
                WorkstreamId = w.Id, Number = n, AgreementId = w.AgreementId,
                Rating = Name(a.Rating), Reason = a.Reason, AssessedBy = a.AssessedBy, PartyId = a.PartyId,
                AssessedOn = a.AssessedOn, RecordedAt = a.RecordedAt, CommitteeId = a.CommitteeId, MeetingId = a.MeetingId,
                Workstream = row,
            };
            row.Assessments.Add(assessment);
            Assessments.Add(assessment);
        }
    }

    private void Add(Committee c, AgreementRow? agreement)
    {
        var row = new CommitteeRow
        {
            Id = c.Id, AgreementId = c.AgreementId, PartyId = c.PartyId, IsJoint = c.IsJoint,
            NameEn = c.Name.En, NameVi = c.Name.Vi, NameLo = c.Name.Lo, NameTh = c.Name.Th,
            MandateEn = c.Mandate.En, MandateVi = c.Mandate.Vi, MandateLo = c.Mandate.Lo, MandateTh = c.Mandate.Th,
            Quorum = c.Quorum.Count is { } count ? $"{Name(c.Quorum.Kind)} {count}" : Name(c.Quorum.Kind),
            EstablishedOn = c.EstablishedOn?.ToString(), EstablishedOnYear = c.EstablishedOn?.Year,
            EstablishedOnMonth = c.EstablishedOn?.Month, EstablishedOnDay = c.EstablishedOn?.Day,
            EstablishedOnEarliest = c.EstablishedOn?.Earliest,
            IsSample = c.IsSample,
            Agreement = agreement,
        };
        agreement?.Committees.Add(row);
        Committees.Add(row);

        foreach (var (m, n) in c.Members.Select((m, n) => (m, n + 1)))
        {
            var member = new MemberRow
            {
                CommitteeId = c.Id, Number = n, AgreementId = c.AgreementId, PersonId = m.PersonId, Name = m.Name,
                Role = Name(m.Role), PartyId = m.PartyId, WorkstreamId = m.WorkstreamId, From = m.From, To = m.To,
                RelievedReason = m.RelievedReason, Committee = row,
            };
            row.Members.Add(member);
            Members.Add(member);
        }

        foreach (var m in c.Meetings)
        {
            var meeting = new MeetingRow
            {
                Id = m.Id, CommitteeId = c.Id, AgreementId = c.AgreementId, ScheduledOn = m.ScheduledOn, HeldOn = m.HeldOn,
                Held = m.Held, Location = m.Location, AgendaItems = m.Agenda.Count, Attendees = m.Attendees?.Count ?? 0,
                MembersInOffice = m.MembersInOffice, QuorumRequired = m.QuorumRequired, QuorumReached = m.QuorumReached,
                IsSample = m.IsSample, Committee = row,
            };
            row.Meetings.Add(meeting);
            Meetings.Add(meeting);
            foreach (var d in m.Decisions ?? [])
            {
                var decision = new DecisionRow
                {
                    Id = d.DecisionId, MeetingId = m.Id, CommitteeId = c.Id, AgreementId = c.AgreementId, Text = d.Text,
                    DecidedOn = d.DecidedOn, Consensus = d.Consensus,
                    VotesFor = d.Votes?.For, VotesAgainst = d.Votes?.Against, VotesAbstain = d.Votes?.Abstain,
                    WorkstreamsAffected = string.Join(",", d.WorkstreamsAffected),
                    Meeting = meeting,
                };
                meeting.Decisions.Add(decision);
                row.Decisions.Add(decision);
                Decisions.Add(decision);
            }
        }

        foreach (var a in c.ActionItems)
        {
            var item = new ActionItemRow
            {
                Id = a.Id, CommitteeId = c.Id, AgreementId = c.AgreementId, Text = a.Text, PersonId = a.PersonId,
                PersonName = a.PersonName, WorkstreamId = a.WorkstreamId, MeetingId = a.MeetingId, AssignedOn = a.AssignedOn,
                DueDate = a.DueDate, Status = Name(a.Status), LastNote = a.LastNote, ClosedOn = a.ClosedOn,
                ClosedReason = a.ClosedReason, Committee = row,
            };
            row.ActionItems.Add(item);
            ActionItems.Add(item);
        }
    }

    /// <summary>Enum values as the JSON API writes them (inForce, amber), so a feed and an API client compare equal.</summary>
    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
