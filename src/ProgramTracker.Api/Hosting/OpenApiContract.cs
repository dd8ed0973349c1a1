using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// The contract partner systems generate their clients from (<c>/openapi/v1.json</c>). Endpoints say only what they
/// answer on success (<see cref="ReturnsAttribute{T}"/>, <see cref="WritesAttribute"/>, <see cref="CreatesAttribute"/>);
/// everything they share is added here, the same way for every operation: the errors as ProblemDetails, the
/// concurrency and retry headers, one tag per capability and an operationId named after the feature.
/// </summary>
public static class OpenApiContract
{
    public const string ProblemSchema = "ProblemDetails";

    /// <summary>The capabilities, by the namespace their endpoints live in.</summary>
    public static readonly IReadOnlyDictionary<string, string> Capabilities = new Dictionary<string, string>
    {
        ["Agreements"] = "Memoranda of understanding between ministries: register, amend, extend, change status, list and read.",
        ["Workstreams"] = "The work an agreement commits to, each an event stream: milestones, indicators, assessments and project officers.",
        ["Committees"] = "Committees set up under an agreement: members, meetings, reviews, decisions and action items.",
        ["Money"] = "Budgets, commitments, disbursements and spending per workstream and agreement, converted into the reporting currency, with earned value.",
        ["Dashboards"] = "Figures across agreements and workstreams: dashboards, overdue milestones and workstreams gone quiet.",
        ["People"] = "Who sits on which committee and holds which action items, now or on a past date.",
        ["Audit"] = "What changed, when and by whom: the history and the changes of an agreement or a workstream.",
        ["Feeds"] = "Events for other systems to follow, as CloudEvents up to the high water mark.",
        ["SignOff"] = "Maker-checker sign-off of officers' figures (submissions, approval, return, the reviewer's queue) and closed reporting periods.",
        ["Operations"] = "For administrators: node information, projections, the event archive and the audit chain.",
        ["Security"] = "For administrators: ending a user's browser sessions after their roles change at the identity provider.",
        ["Notifications"] = "Telling people and other systems what needs them: people's addresses, languages and reminders, daily digests, the mail outbox, and signed webhooks.",
        ["Development sign-in"] = "Tokens for the demo users; only in development.",
    };

    private static readonly int[] ReadErrors = [400, 401, 403, 404, 429];
    private static readonly int[] WriteErrors = [400, 401, 403, 404, 409, 412, 413, 422, 429];

    public static WebApplicationBuilder AddOpenApiContract(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<OpenApiBearer>();
            openApi.AddDocumentTransformer((document, _, _) => DescribeShared(document));
            openApi.AddOperationTransformer(DescribeOperation);
            openApi.AddSchemaTransformer((schema, context, _) => DescribePartialDate(schema, context));
            openApi.AddSchemaTransformer((schema, context, _) => Money.MoneyContract.DescribeDecimal(schema, context));
        });
        return builder;
    }

    private static Task DescribeShared(OpenApiDocument document)
    {
        document.Info.Title = "ProgramTracker API";
        document.Info.Description = "Agreements between ministries, their workstreams and committees, as an event-sourced record. "
            + "Every error is a ProblemDetails naming the field and the rule it broke.";
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Components?.Schemas?.Remove("IResult");
        document.Tags = new HashSet<OpenApiTag>(Capabilities.Select(c => new OpenApiTag { Name = c.Key, Description = c.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. 'field' names the input at fault and 'rule' the rule it broke.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URN naming the problem, such as urn:programtracker:problem:required."),
                ["title"] = Text("A short summary for people."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = Text("What went wrong, in words a project officer understands."),
                ["instance"] = Text(null),
                ["field"] = Text("The field, header or query parameter at fault, such as parties[0].country or If-Match."),
                ["rule"] = Text("A stable code for the rule that was broken, such as required, max-length or concurrent-write."),
                ["traceId"] = Text("The trace to quote when asking for help."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Messages by field.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(null) },
                },
            },
        };
        return Task.CompletedTask;

        static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };
    }

    private static async Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        if (description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
        {
            operation.OperationId ??= string.Concat((description.HttpMethod ?? "").ToLowerInvariant(),
                string.Concat((description.RelativePath ?? "").Split('/', '-').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
            operation.Summary ??= $"{description.HttpMethod} /{description.RelativePath}";
            return;
        }
        var method = description.ActionDescriptor is Wolverine.Http.WolverineActionDescriptor wolverine
            ? wolverine.Chain.Method.Method
            : description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        if (method is null) return;

        operation.OperationId = OperationId(method);
        operation.Summary = Words(operation.OperationId);
        operation.Description = null;
        var capability = method.DeclaringType!.Namespace!.Split('.').ElementAtOrDefault(2) ?? "Operations";
        operation.Tags = new HashSet<OpenApiTagReference> { new(capability, context.Document) };

        var isRead = HttpMethods.IsGet(description.HttpMethod ?? "");
        var reads = method.GetCustomAttributes().FirstOrDefault(a => a.GetType().IsGenericType && a.GetType().GetGenericTypeDefinition() == typeof(ReturnsAttribute<>));
        var writes = method.GetCustomAttribute<WritesAttribute>();
        var creates = method.GetCustomAttribute<CreatesAttribute>();
        var success = method.GetCustomAttributes().OfType<Microsoft.AspNetCore.Mvc.ProducesResponseTypeAttribute>()
            .FirstOrDefault(p => p.StatusCode is >= 200 and < 300);

        operation.Responses ??= new OpenApiResponses();
        var generated = new Dictionary<string, IOpenApiResponse>(operation.Responses);
        operation.Responses.Clear();
        if (success is not null)
        {
            var key = success.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The generator already described the declared type, by reference to its schema; the framework's own
            // guesses (a 200 of IResult, a bare 404) are dropped.
            var content = success.Type is null || success.Type == typeof(void)
                ? new Dictionary<string, OpenApiMediaType>()
                : generated.GetValueOrDefault(key)?.Content is { Count: > 0 } described
                ? new Dictionary<string, OpenApiMediaType>(described)
                : new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(success.Type!, null, ct) },
                };
            var response = new OpenApiResponse
            {
                Description = success.StatusCode switch
                {
                    StatusCodes.Status201Created => "Created.",
                    StatusCodes.Status204NoContent => "Done; nothing to answer.",
                    _ => "OK.",
                },
                Content = content,
                Headers = new Dictionary<string, IOpenApiHeader>(),
            };
            var answersETag = writes is not null || creates is not null || reads?.GetType().GetProperty(nameof(ReturnsAttribute<object>.ETag))!.GetValue(reads) is true;
            if (answersETag) response.Headers["ETag"] = Header("The version of the record, to send back in If-Match.", "\"3\"");
            if (creates is not null) response.Headers["Location"] = Header("Where the created resource is read.", null);
            operation.Responses[key] = response;
        }

        foreach (var status in isRead ? ReadErrors : WriteErrors)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = ErrorWords(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                },
            };
        }

        if (writes is null && creates is null) return;
        operation.Parameters ??= [];
        if (writes is not null || creates!.HonoursIfMatch)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match", In = ParameterLocation.Header, Required = false,
                Description = "The ETag of the record as you read it: the change is refused with 412 if someone changed it since.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create("\"3\""),
            });
        }
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = EventStreamWrites.IdempotencyKeyHeader, In = ParameterLocation.Header, Required = false,
            Description = "Any unique string, to retry safely: a repeat with the same key and body gets the first answer and appends nothing; "
                + "the same key with a different body is a 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });
    }

    private static OpenApiHeader Header(string description, string? example) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = example is null ? null : JsonValue.Create(example),
    };

    /// <summary>
    /// Named after the feature: <c>BlockMilestoneEndpoint.Post</c> is <c>blockMilestone</c>. A class that holds more
    /// than one endpoint adds the method's name (<c>getActionItemsList</c>) unless the method sets its own with [EndpointName].
    /// </summary>
    public static string OperationId(MethodInfo method)
    {
        if (method.GetCustomAttribute<EndpointNameAttribute>() is { } named) return named.EndpointName;
        var type = method.DeclaringType!;
        var feature = type.Name.EndsWith("Endpoint", StringComparison.Ordinal) ? type.Name[..^"Endpoint".Length] : type.Name;
        var endpoints = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Count(m => m.GetCustomAttributes().Any(a => a is Wolverine.Http.WolverineHttpMethodAttribute));
        var id = endpoints > 1 ? feature + method.Name : feature;
        return char.ToLowerInvariant(id[0]) + id[1..];
    }

    private static string Words(string operationId) =>
        string.Concat(operationId.Select((c, i) => i == 0 ? char.ToUpperInvariant(c).ToString() : char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private static string ErrorWords(int status) => status switch
    {
        400 => "The request is malformed or a field is invalid (see 'field' and 'rule').",
        401 => "No valid bearer token.",
        403 => "The caller may not do this.",
        404 => "Nothing has that id, or the caller may not read it.",
        409 => "The change conflicts with the current state, or another change was saved first.",
        412 => "If-Match names a version that is no longer current.",
        413 => "The body is too large.",
        422 => "The request breaks a business rule, or reuses an Idempotency-Key for a different request.",
        429 => "Too many requests; retry after the Retry-After header's seconds.",
        _ => "Error.",
    };

    /// <summary>A <see cref="PartialDate"/> travels as an ISO 8601 string, to the day, the month, the year or with no year.</summary>
    private static Task DescribePartialDate(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        if (context.JsonTypeInfo.Type != typeof(PartialDate)) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.Pattern = PartialDate.JsonPattern;
        schema.Description = "A date known to the day, the month or only the year (ISO 8601), or a day and month with the year not stated.";
        schema.Examples = [JsonValue.Create("2023-05-23"), JsonValue.Create("2023-05"), JsonValue.Create("2023"), JsonValue.Create("--11-28")];
        return Task.CompletedTask;
    }
}
