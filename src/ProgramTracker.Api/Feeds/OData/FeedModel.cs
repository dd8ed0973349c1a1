using System.Reflection;
using System.Text;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace ProgramTracker.Api.Feeds.OData;

/// <summary>The feed's entity data model, served as <c>/odata/$metadata</c>.</summary>
public static class FeedModel
{
    public const string Namespace = "ProgramTracker";

    public static IEdmModel Build()
    {
        // The default resolver hands the builder every loaded assembly, and it reads every type of each (Marten's,
        // Wolverine's, ASP.NET's) looking for subclasses of the rows: about a sixth of the app's CPU time at start.
        // The rows and anything derived from them live here.
        var builder = new ODataConventionModelBuilder(new RowAssembly(), isQueryCompositionMode: false)
        {
            Namespace = Namespace, ContainerName = "ProgramTracker",
        };
        Set<AgreementRow>(builder, "Agreements", "Agreement");
        Set<WorkstreamRow>(builder, "Workstreams", "Workstream");
        Set<MilestoneRow>(builder, "Milestones", "Milestone");
        Set<IndicatorRow>(builder, "Indicators", "Indicator");
        Set<MeasurementRow>(builder, "Measurements", "Measurement").EntityType.HasKey(m => new { m.IndicatorId, m.Number })
            .HasRequired(m => m.Indicator);
        Set<AssessmentRow>(builder, "Assessments", "Assessment").EntityType.HasKey(a => new { a.WorkstreamId, a.Number })
            .HasRequired(a => a.Workstream);
        Set<CommitteeRow>(builder, "Committees", "Committee");
        Set<MemberRow>(builder, "Members", "Member").EntityType.HasKey(m => new { m.CommitteeId, m.Number })
            .HasRequired(m => m.Committee);
        Set<MeetingRow>(builder, "Meetings", "Meeting");
        Set<DecisionRow>(builder, "Decisions", "Decision");
        Set<ActionItemRow>(builder, "ActionItems", "ActionItem");
        builder.OnModelCreating += SnakeCase;
        return builder.GetEdmModel();
    }

    private static EntitySetConfiguration<T> Set<T>(ODataConventionModelBuilder builder, string set, string type) where T : class
    {
        var configuration = builder.EntitySet<T>(set);
        configuration.EntityType.Name = type;
        configuration.EntityType.Namespace = Namespace;
        return configuration;
    }

    /// <summary>Columns as BI tools show them: title_en, due_date, agreement_id; navigation keeps its entity names.</summary>
    private static void SnakeCase(ODataConventionModelBuilder builder)
    {
        foreach (var type in builder.StructuralTypes)
        {
            foreach (var property in type.Properties.Where(p => p is not NavigationPropertyConfiguration))
                property.Name = Snake(property.Name);
        }
    }

    private sealed class RowAssembly : IAssemblyResolver
    {
        public IEnumerable<Assembly> Assemblies { get; } = [typeof(AgreementRow).Assembly];
    }

    public static string Snake(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
