using System.Globalization;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.SignOff;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Audit;

/// <summary>
/// What an event says, as a sentence pattern (<see cref="Key"/>) and the values that fill it, so that each reader
/// words it in its own language: the API in English, the pages in the reader's. Values are strings, dates
/// (<see cref="DateOnly"/>, <see cref="PartialDate"/>), numbers, <see cref="LocalizedText"/> titles,
/// <see cref="NamedThing"/>, <see cref="Percentage"/> and the status enums.
/// </summary>
public sealed record EventSummary(string Key, IReadOnlyList<object> Values);

/// <summary>A milestone or indicator an event is about: its title when an earlier event gave one, else only its id.</summary>
public sealed record NamedThing(Guid Id, LocalizedText? Name);

public sealed record Percentage(int Value);

/// <summary>Each event told in a sentence a project officer can read, and the reason given for it where there is one.</summary>
public static class EventSummaries
{
    /// <summary>The English sentence of each summary key; the web pages translate the same keys (Event_{key}).</summary>
    public static readonly IReadOnlyDictionary<string, string> EnglishPatterns = new Dictionary<string, string>
    {
        ["AgreementRegistered"] = "Agreement {0} registered as {1}: {2}.",
        ["AgreementStatusChanged"] = "Status changed from {0} to {1}.",
        ["AgreementStatusChanged_Effective"] = "Status changed from {0} to {1}, effective {2}.",
        ["AgreementAmended"] = "Amended: {0}",
        ["AgreementAmended_Effective"] = "Amended: {0} (effective {1}).",
        ["AgreementExtended"] = "Validity extended from {0} to {1}.",
        ["AgreementExtended_OpenEnd"] = "Validity extended from an open end to {0}.",
        ["WorkstreamAdded"] = "Workstream {0} added.",
        ["WorkstreamOpened"] = "Workstream {0} opened: {1}.",
        ["ProjectOfficerAssigned"] = "{0} assigned as project officer.",
        ["ProjectOfficerUnassigned"] = "Project officer {0} unassigned.",
        ["MilestonePlanned"] = "Milestone {0} planned, due {1}, weight {2}.",
        ["MilestoneStarted"] = "Milestone {0} started on {1}.",
        ["MilestoneProgressReported"] = "Milestone {0} reported at {1} on {2}: {3}",
        ["MilestoneCompleted"] = "Milestone {0} completed on {1}.",
        ["MilestoneRescheduled"] = "Milestone {0} rescheduled from {1} to {2}.",
        ["MilestoneBlocked"] = "Milestone {0} blocked on {1}.",
        ["MilestoneUnblocked"] = "Milestone {0} unblocked on {1}.",
        ["MilestoneCancelled"] = "Milestone {0} cancelled on {1}.",
        ["IndicatorDefined"] = "Indicator {0} defined: target {1} {2}, {3}.",
        ["IndicatorDefined_Range"] = "Indicator {0} defined: target {1}–{2} {3}, {4}.",
        ["IndicatorMeasured"] = "Indicator {0} measured at {1} for {2} on {3}.",
        ["StatusAssessed"] = "Rated {0} by {1} on {2}.",
        ["StatusAssessed_Party"] = "Rated {0} by {1} for {2} on {3}.",
        ["SignOffRequired"] = "Sign-off required; reviewers besides administrators: {0}.",
        ["SignOffRequired_AdministratorsOnly"] = "Sign-off required; administrators review.",
        ["SignOffNoLongerRequired"] = "Sign-off no longer required.",
        ["ReportingPeriodClosed"] = "Reporting period {0} closed ({1} to {2}).",
        ["WorkSubmitted_Progress"] = "{0} submitted milestone {1} at {2} on {3}, for sign-off.",
        ["WorkSubmitted_Completion"] = "{0} submitted milestone {1} as completed on {2}, for sign-off.",
        ["WorkSubmitted_Measurement"] = "{0} submitted indicator {1} at {2} for {3} on {4}, for sign-off.",
        ["SubmissionApproved"] = "{0} approved the submission; it counts from now on.",
        ["SubmissionReturned"] = "{0} returned the submission to its officer.",
        ["CorrectionRecorded"] = "Correction in the closed period {0}, effective {1}.",
        ["ReportingCurrencySet"] = "Reporting currency set to {0}.",
        ["FundingSourceAdded"] = "Funding source {0} added.",
        ["ExchangeRateSet"] = "Exchange rate set: 1 {0} = {1} {2} from {3}.",
        ["BudgetBaselined"] = "Baseline budget set: {0} {1}.",
        ["BudgetRevised"] = "Budget revised to {0} {1}.",
        ["MoneyRecorded_Commitment"] = "Commitment of {0} {1} recorded, dated {2}.",
        ["MoneyRecorded_Disbursement"] = "Disbursement of {0} {1} recorded, dated {2}.",
        ["MoneyRecorded_Expenditure"] = "Expenditure of {0} {1} recorded, dated {2}.",
        ["Other"] = "{0}",
        ["ReviewPackFrozen"] = "Review pack as of {0} frozen (SHA-256 {1}).",
    };

    /// <param name="names">Titles of the milestones and indicators seen so far, to name what an event is about.</param>
    public static EventSummary Summarize(object data, IReadOnlyDictionary<Guid, LocalizedText> names)
    {
        NamedThing Name(Guid id) => new(id, names.GetValueOrDefault(id));
        static EventSummary S(string key, params object[] values) => new(key, values);

        return data switch
        {
            AgreementRegistered r => S("AgreementRegistered", r.Code, r.Status, r.Title),
            AgreementStatusChanged { EffectiveOn: { } d } c => S("AgreementStatusChanged_Effective", c.From, c.To, d),
            AgreementStatusChanged c => S("AgreementStatusChanged", c.From, c.To),
            AgreementAmended { EffectiveOn: { } d } a => S("AgreementAmended_Effective", a.Summary, d),
            AgreementAmended a => S("AgreementAmended", a.Summary),
            AgreementExtended { PreviousEnd: { } previous } x => S("AgreementExtended", previous, x.NewEnd),
            AgreementExtended x => S("AgreementExtended_OpenEnd", x.NewEnd),
            WorkstreamAdded w => S("WorkstreamAdded", w.Code),
            WorkstreamOpened o => S("WorkstreamOpened", o.Code, o.Title),
            ProjectOfficerAssigned a => S("ProjectOfficerAssigned", a.Name),
            ProjectOfficerUnassigned u => S("ProjectOfficerUnassigned", u.PersonId),
            MilestonePlanned p => S("MilestonePlanned", new NamedThing(p.MilestoneId, p.Title), p.DueDate, p.Weight),
            MilestoneStarted s => S("MilestoneStarted", Name(s.MilestoneId), s.StartedOn),
            MilestoneProgressReported p => S("MilestoneProgressReported", Name(p.MilestoneId), new Percentage(p.Percent), p.ReportedOn, p.Narrative),
            MilestoneCompleted c => S("MilestoneCompleted", Name(c.MilestoneId), c.CompletedOn),
            MilestoneRescheduled r => S("MilestoneRescheduled", Name(r.MilestoneId), r.PreviousDueDate, r.NewDueDate),
            MilestoneBlocked b => S("MilestoneBlocked", Name(b.MilestoneId), b.BlockedOn),
            MilestoneUnblocked u => S("MilestoneUnblocked", Name(u.MilestoneId), u.UnblockedOn),
            MilestoneCancelled c => S("MilestoneCancelled", Name(c.MilestoneId), c.CancelledOn),
            IndicatorDefined { TargetHigh: { } high } d => S("IndicatorDefined_Range", new NamedThing(d.IndicatorId, d.Name), d.TargetLow, high, d.Unit, d.Period),
            IndicatorDefined d => S("IndicatorDefined", new NamedThing(d.IndicatorId, d.Name), d.TargetLow, d.Unit, d.Period),
            IndicatorMeasured m => S("IndicatorMeasured", Name(m.IndicatorId), m.Value, m.Period, m.MeasuredOn),
            StatusAssessed { PartyId: { } party } s => S("StatusAssessed_Party", s.Rating, s.AssessedBy, party, s.AssessedOn),
            StatusAssessed s => S("StatusAssessed", s.Rating, s.AssessedBy, s.AssessedOn),
            Agreements.ReviewPacks.ReviewPackFrozen f => S("ReviewPackFrozen", f.PackDate, f.Sha256),
            SignOffRequired { Reviewers.Count: 0 } => S("SignOffRequired_AdministratorsOnly"),
            SignOffRequired r => S("SignOffRequired", string.Join(", ", r.Reviewers)),
            SignOffNoLongerRequired => S("SignOffNoLongerRequired"),
            ReportingPeriodClosed c => S("ReportingPeriodClosed", c.Period, c.From, c.To),
            WorkSubmitted { Progress: { } p } w => S("WorkSubmitted_Progress", w.SubmittedByName, Name(p.MilestoneId), new Percentage(p.Percent), p.ReportedOn),
            WorkSubmitted { Completion: { } c } w => S("WorkSubmitted_Completion", w.SubmittedByName, Name(c.MilestoneId), c.CompletedOn),
            WorkSubmitted { Measurement: { } m } w => S("WorkSubmitted_Measurement", w.SubmittedByName, Name(m.IndicatorId), m.Value, m.Period, m.MeasuredOn),
            SubmissionApproved a => S("SubmissionApproved", a.ApprovedByName),
            SubmissionReturned r => S("SubmissionReturned", r.ReturnedByName),
            CorrectionRecorded c => S("CorrectionRecorded", c.Period, c.EffectiveOn),
            Money.ReportingCurrencySet c => S("ReportingCurrencySet", c.Currency),
            Money.FundingSourceAdded f => S("FundingSourceAdded", f.Name),
            Money.ExchangeRateSet x => S("ExchangeRateSet", x.Currency, x.Rate.ToString("0.##########", CultureInfo.InvariantCulture), x.ReportingCurrency, x.EffectiveOn),
            Money.BudgetBaselined b => S("BudgetBaselined", b.Lines.Sum(l => l.Amount), b.Currency),
            Money.BudgetRevised r => S("BudgetRevised", r.Lines.Sum(l => l.Amount), r.Currency),
            Money.MoneyRecorded m => S($"MoneyRecorded_{m.Kind}", m.Amount, m.Currency, m.Date),
            _ => S("Other", data.GetType().Name),
        };
    }

    /// <summary>The summary in English, as the API gives it: ISO dates, invariant numbers, titles in quotes.</summary>
    public static string English(EventSummary summary) =>
        string.Format(CultureInfo.InvariantCulture, EnglishPatterns[summary.Key], summary.Values.Select(v => (object)EnglishValue(v)).ToArray());

    public static string Describe(object data, IReadOnlyDictionary<Guid, LocalizedText> names) => English(Summarize(data, names));

    private static string EnglishValue(object value) => value switch
    {
        NamedThing { Name: { } name } => $"'{name}'",
        NamedThing thing => thing.Id.ToString(),
        Percentage p => $"{p.Value.ToString(CultureInfo.InvariantCulture)}%",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal n => n.ToString("0.##", CultureInfo.InvariantCulture),
        AgreementStatus s => StatusWords.Of(s),
        Rag r => r.ToString().ToLowerInvariant(),
        IndicatorPeriod p => p.ToString().ToLowerInvariant(),
        _ => value.ToString() ?? "",
    };

    public static string? ReasonOf(object data) => data switch
    {
        AgreementStatusChanged c => c.Reason,
        AgreementAmended a => a.Reason,
        AgreementExtended x => x.Reason,
        ProjectOfficerUnassigned u => u.Reason,
        MilestoneRescheduled r => r.Reason,
        MilestoneBlocked b => b.Reason,
        MilestoneUnblocked u => u.Reason,
        MilestoneCancelled c => c.Reason,
        StatusAssessed s => s.Reason,
        Money.BudgetRevised r => r.Reason,
        MilestoneCompleted { Note: { } note } => note,
        SignOffRequired r => r.Reason,
        SignOffNoLongerRequired n => n.Reason,
        SubmissionReturned r => r.Reason,
        CorrectionRecorded c => c.Reason,
        WorkSubmitted { CorrectionReason: { } correction } => correction,
        WorkSubmitted { Progress: { } p } => p.Narrative,
        _ => null,
    };

    /// <summary>Remembers the names an event introduces, for the events after it.</summary>
    public static void Learn(object data, IDictionary<Guid, LocalizedText> names)
    {
        switch (data)
        {
            case MilestonePlanned p: names[p.MilestoneId] = p.Title; break;
            case IndicatorDefined d: names[d.IndicatorId] = d.Name; break;
        }
    }
}
