using JasperFx.Events;
using Marten.Events.Projections;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.Api.Dashboards;

/// <summary>
/// An agreement and its workstreams as one document, for the dashboard and the portfolio. It holds the same
/// Agreement and Workstream states the inline projections hold, folded by the same functions; the time-dependent
/// figures are worked out when read (<see cref="DashboardFigures"/>). Code, status, countries, parties and the search
/// text are copied to the top so that portfolio queries filter without reading into the workstreams.
/// </summary>
public sealed class AgreementDashboard
{
    public Guid Id { get; set; }
    public Agreement? Agreement { get; set; }
    public List<Workstream> Workstreams { get; set; } = [];
    public DateTimeOffset? AgreementUpdatedAt { get; set; }

    public string Code { get; set; } = "";
    public AgreementStatus Status { get; set; }
    public string[] Countries { get; set; } = [];
    public string[] PartyIds { get; set; } = [];

    /// <summary>Code and titles in every language, lower-cased, for case-insensitive search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>
    /// The portfolio's line, stored with the document so that a page of the portfolio reads it alone. Worked out when
    /// the document is written (once a batch, not once an event), as <see cref="PortfolioLine.ForStorage"/> keeps it;
    /// null on documents projected before it existed.
    /// </summary>
    public PortfolioLine? Portfolio => Agreement is { } agreement ? PortfolioLine.Of(agreement, Workstreams, AgreementUpdatedAt).ForStorage() : null;

    /// <summary>The sum of the agreement's and its workstreams' stream versions: it grows with every event.</summary>
    public long Version => (Agreement?.Version ?? 0) + Workstreams.Sum(w => w.Version);

    public static string SearchTextOf(Agreement agreement, IEnumerable<Workstream> workstreams) =>
        string.Join('\n', new[] { agreement.Code }
                .Concat(agreement.Title.Present().Select(t => t.Text))
                .Concat(workstreams.SelectMany(w => w.Title.Present().Select(t => t.Text).Prepend(w.Code))))
            .ToLowerInvariant();
}

public sealed partial class AgreementDashboardProjection : MultiStreamProjection<AgreementDashboard, Guid>
{
    public AgreementDashboardProjection()
    {
        Identity<IAgreementEvent>(e => e.AgreementId);
        Identity<IWorkstreamEvent>(e => e.AgreementId);
        this.IncludeEventsOf<IAgreementEvent>();
        this.IncludeEventsOf<IWorkstreamEvent>();
    }

    public override AgreementDashboard? Evolve(AgreementDashboard? snapshot, Guid id, IEvent e)
    {
        var dashboard = snapshot ?? new AgreementDashboard { Id = id };
        // The fields copied to the top change only with the agreement, or with a workstream's code or title (a
        // workstream opened): most events (progress, measurements, assessments) leave them as they are, and working
        // them out again for each of those was a string of every title, lower-cased, and two arrays per event.
        var described = false;
        switch (e.Data)
        {
            case IAgreementEvent:
                if (Agreement.Fold(dashboard.Agreement, e) is { } agreement)
                {
                    agreement.Version = e.Version;
                    dashboard.Agreement = agreement;
                    dashboard.AgreementUpdatedAt = e.Timestamp;
                    described = true;
                }
                break;
            case IWorkstreamEvent w:
                var index = dashboard.Workstreams.FindIndex(x => x.Id == w.WorkstreamId);
                var before = index < 0 ? null : dashboard.Workstreams[index];
                var folded = Workstream.Fold(before, e);
                if (folded is null) break;
                folded.Version = e.Version;
                if (index < 0) dashboard.Workstreams.Add(folded);
                else dashboard.Workstreams[index] = folded;
                described = before is null || before.Code != folded.Code || before.Title != folded.Title;
                break;
        }

        if (described && dashboard.Agreement is { } a)
        {
            dashboard.Code = a.Code;
            dashboard.Status = a.Status;
            dashboard.Countries = [.. a.Countries];
            dashboard.PartyIds = [.. a.Parties.Select(p => p.PartyId)];
            dashboard.SearchText = AgreementDashboard.SearchTextOf(a, dashboard.Workstreams);
        }
        return dashboard;
    }
}
