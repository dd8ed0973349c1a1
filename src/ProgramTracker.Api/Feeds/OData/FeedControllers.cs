using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.OData;
using ProgramTracker.Api.Dashboards;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Feeds.OData;

/// <summary>
/// One entity set: the rows the signed-in user may read, with the query options applied and at most
/// <see cref="Configuration.PageSize"/> rows a response (the rest behind <c>@odata.nextLink</c>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[QueryProblems]
// The OData feed describes itself at /odata/$metadata; the OpenAPI document is the /api contract only.
[ApiExplorerSettings(IgnoreApi = true)]
public abstract class FeedController<T>(IDocumentStore store) : ODataController
{
    private static readonly ODataValidationSettings Validation = new()
    {
        MaxTop = Configuration.MaxTop,
        MaxExpansionDepth = 3,
        AllowedQueryOptions = AllowedQueryOptions.Select | AllowedQueryOptions.Filter | AllowedQueryOptions.OrderBy
            | AllowedQueryOptions.Top | AllowedQueryOptions.Skip | AllowedQueryOptions.Count | AllowedQueryOptions.Expand
            | AllowedQueryOptions.Format,
    };

    private static readonly ODataQuerySettings Settings = new()
    {
        PageSize = Configuration.PageSize,
        HandleNullPropagation = HandleNullPropagationOption.True,
    };

    protected abstract IEnumerable<T> RowsOf(FeedRows rows);

    [HttpGet]
    public async Task<IActionResult> Get(ODataQueryOptions<T> options)
    {
        if (Refused(options) is { } problem) return new ProblemResult(problem);
        var rows = await FeedRows.ReadAsync(store, await HttpContext.AccessAsync(), HttpContext.RequestAborted);
        return Ok(options.ApplyTo(RowsOf(rows).AsQueryable(), Settings));
    }

    /// <summary>Each query option checked on its own, so that a refusal names the one that is wrong.</summary>
    private static IResult? Refused(ODataQueryOptions<T> options)
    {
        (string Name, Action Check)[] checks =
        [
            ("$filter", () => options.Filter?.Validate(Validation)),
            ("$select", () => options.SelectExpand?.Validate(Validation)),
            ("$orderby", () => options.OrderBy?.Validate(Validation)),
            ("$top", () => { options.Top?.Validate(Validation); _ = options.Top?.Value; }),
            ("$skip", () => { options.Skip?.Validate(Validation); _ = options.Skip?.Value; }),
            ("$count", () => { options.Count?.Validate(Validation); _ = options.Count?.Value; }),
            ("query", () => options.Validate(Validation)),
        ];
        foreach (var (name, check) in checks)
        {
            try
            {
                check();
            }
            catch (ODataException e)
            {
                var parameter = name == "$select" && options.RawValues.Select is null ? "$expand" : name;
                return QueryRefusals.Invalid(parameter, e);
            }
        }
        return null;
    }
}

/// <summary>Refusals of the feed's query options, as the API's ProblemDetails.</summary>
internal static class QueryRefusals
{
    public static IResult Invalid(string parameter, ODataException e) =>
        QueryValues.Invalid(parameter, "odata-query", $"'{parameter}' is not a query this feed can answer: {e.Message}");
}

internal sealed class ProblemResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

/// <summary>A query the controller's checks let through but the library still refuses while answering: a 400, not a 500.</summary>
internal sealed class QueryProblemsAttribute : ExceptionFilterAttribute
{
    public override void OnException(ExceptionContext context)
    {
        if (context.Exception is not ODataException e) return;
        context.Result = new ProblemResult(QueryRefusals.Invalid("query", e));
        context.ExceptionHandled = true;
    }
}

public sealed class AgreementsController(IDocumentStore store) : FeedController<AgreementRow>(store)
{
    protected override IEnumerable<AgreementRow> RowsOf(FeedRows rows) => rows.Agreements;
}

public sealed class WorkstreamsController(IDocumentStore store) : FeedController<WorkstreamRow>(store)
{
    protected override IEnumerable<WorkstreamRow> RowsOf(FeedRows rows) => rows.Workstreams;
}

public sealed class MilestonesController(IDocumentStore store) : FeedController<MilestoneRow>(store)
{
    protected override IEnumerable<MilestoneRow> RowsOf(FeedRows rows) => rows.Milestones;
}

public sealed class IndicatorsController(IDocumentStore store) : FeedController<IndicatorRow>(store)
{
    protected override IEnumerable<IndicatorRow> RowsOf(FeedRows rows) => rows.Indicators;
}

public sealed class MeasurementsController(IDocumentStore store) : FeedController<MeasurementRow>(store)
{
    protected override IEnumerable<MeasurementRow> RowsOf(FeedRows rows) => rows.Measurements;
}

public sealed class AssessmentsController(IDocumentStore store) : FeedController<AssessmentRow>(store)
{
    protected override IEnumerable<AssessmentRow> RowsOf(FeedRows rows) => rows.Assessments;
}

public sealed class CommitteesController(IDocumentStore store) : FeedController<CommitteeRow>(store)
{
    protected override IEnumerable<CommitteeRow> RowsOf(FeedRows rows) => rows.Committees;
}

public sealed class MembersController(IDocumentStore store) : FeedController<MemberRow>(store)
{
    protected override IEnumerable<MemberRow> RowsOf(FeedRows rows) => rows.Members;
}

public sealed class MeetingsController(IDocumentStore store) : FeedController<MeetingRow>(store)
{
    protected override IEnumerable<MeetingRow> RowsOf(FeedRows rows) => rows.Meetings;
}

public sealed class DecisionsController(IDocumentStore store) : FeedController<DecisionRow>(store)
{
    protected override IEnumerable<DecisionRow> RowsOf(FeedRows rows) => rows.Decisions;
}

public sealed class ActionItemsController(IDocumentStore store) : FeedController<ActionItemRow>(store)
{
    protected override IEnumerable<ActionItemRow> RowsOf(FeedRows rows) => rows.ActionItems;
}
