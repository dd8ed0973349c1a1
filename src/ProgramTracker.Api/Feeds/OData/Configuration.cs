using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OData;
using ProgramTracker.Api.Security;

namespace ProgramTracker.Api.Feeds.OData;

/// <summary>
/// The read-only OData v4 feed under <c>/odata</c> for Excel and Power BI ("Get data → OData feed"): the
/// projected documents as entity sets, for the same readable agreements as the API.
/// </summary>
public static class Configuration
{
    public const string Route = "odata";
    public const int PageSize = 500;
    public const int MaxTop = 5000;

    public static WebApplicationBuilder AddODataFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddControllers().AddOData(options => options
            .AddRouteComponents(Route, FeedModel.Build())
            .Select().Filter().OrderBy().Expand().Count().SetMaxTop(MaxTop));
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.ConfigureMarten(options => options.Schema.For<ApiKey>().DocumentAlias("api_key"));
        return builder;
    }

    public static WebApplication MapODataFeed(this WebApplication app)
    {
        // The feed's own controllers name their policy; this also covers the library's $metadata and service document.
        app.MapControllers().RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
