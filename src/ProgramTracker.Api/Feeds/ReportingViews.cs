using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Committees;
using ProgramTracker.Api.Hosting;
using ProgramTracker.Api.Workstreams;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace ProgramTracker.Api.Feeds;

/// <summary>
/// The <c>reporting</c> schema: plain SQL views over the inline snapshots (agreements, workstreams, committees),
/// one row per agreement, workstream, milestone, indicator measurement, assessment, committee seat, decision,
/// action item, money entry and budget line, with the four languages as columns. BI tools read them through <see cref="ReportingRole"/>'s
/// login, which may read nothing else. Marten applies them at start and <c>db-apply</c> applies them; they are
/// re-created whenever one is missing or their definition changed.
/// </summary>
public sealed class ReportingViews() : FeatureSchemaBase("ReportingViews", new PostgresqlMigrator())
{
    public const string Schema = "reporting";

    /// <summary>The NOLOGIN role that holds SELECT on the views; reporting logins are members of it.</summary>
    public const string ReaderRole = "programtracker_reporting";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        yield return new Views();
    }

    private const string S = MartenSetup.Schema;

    public static readonly IReadOnlyList<(string Name, string Body)> Definitions =
    [
        ("agreements", $"""
            SELECT d.id AS agreement_id,
              d.data->>'Code' AS code,
              {Languages("d.data->'Title'", "title")},
              {EnumName<AgreementStatus>("d.data->>'Status'")} AS status,
              d.data->>'SignedOn' AS signed_on,
              {Earliest("d.data->>'SignedOn'")} AS signed_on_date,
              {Languages("d.data->'SignedAt'", "signed_at")},
              d.data->'Validity'->>'From' AS valid_from,
              {Earliest("d.data->'Validity'->>'From'")} AS valid_from_date,
              d.data->'Validity'->>'To' AS valid_to,
              {Latest("d.data->'Validity'->>'To'")} AS valid_to_date,
              (SELECT string_agg(p->>'PartyId', ', ' ORDER BY o) FROM jsonb_array_elements(d.data->'Parties') WITH ORDINALITY AS x(p, o)) AS party_ids,
              (SELECT string_agg(DISTINCT p->>'Country', ', ') FROM jsonb_array_elements(d.data->'Parties') AS x(p)) AS countries,
              jsonb_array_length(coalesce(d.data->'Workstreams', '[]')) AS workstream_count,
              jsonb_array_length(coalesce(d.data->'Amendments', '[]')) AS amendment_count,
              d.data->>'SourceReference' AS source_reference,
              (d.data->>'PredecessorId')::uuid AS predecessor_id,
              coalesce((d.data->>'IsSample')::boolean, false) AS is_sample,
              d.mt_last_modified AS last_modified
            FROM {S}.mt_doc_agreement d
            """),
        ("workstreams", $"""
            SELECT w.id AS workstream_id,
              (w.data->>'AgreementId')::uuid AS agreement_id,
              a.data->>'Code' AS agreement_code,
              w.data->>'Code' AS code,
              {Languages("w.data->'Title'", "title")},
              {Languages("w.data->'Objective'", "objective")},
              w.data->>'LeadPartyId' AS lead_party_id,
              w.data->>'Start' AS period_start,
              {Earliest("w.data->>'Start'")} AS period_start_date,
              w.data->>'End' AS period_end,
              {Latest("w.data->>'End'")} AS period_end_date,
              (w.data->>'PercentComplete')::numeric AS percent_complete,
              {EnumName<Rag>("w.data->>'CurrentRag'")} AS rag,
              jsonb_array_length(coalesce(w.data->'Milestones', '[]')) AS milestone_count,
              (SELECT string_agg(o->>'Name', ', ' ORDER BY n) FROM jsonb_array_elements(w.data->'Officers') WITH ORDINALITY AS x(o, n)) AS project_officers,
              coalesce((w.data->>'IsSample')::boolean, false) AS is_sample,
              (w.data->>'OpenedAt')::timestamptz AS opened_at,
              (w.data->>'LastUpdatedAt')::timestamptz AS last_updated_at
            FROM {S}.mt_doc_workstream w
            LEFT JOIN {S}.mt_doc_agreement a ON a.id = (w.data->>'AgreementId')::uuid
            """),
        ("milestones", $"""
            SELECT (m->>'Id')::uuid AS milestone_id,
              w.id AS workstream_id,
              (w.data->>'AgreementId')::uuid AS agreement_id,
              w.data->>'Code' AS workstream_code,
              x.position::int AS position,
              {Languages("m->'Title'", "title")},
              (m->>'Weight')::numeric AS weight,
              (m->>'BaselineDueDate')::date AS baseline_due_date,
              (m->>'DueDate')::date AS due_date,
              (m->>'DueDate')::date - (m->>'BaselineDueDate')::date AS variance_days,
              {EnumName<MilestoneStatus>("m->>'Status'")} AS status,
              (m->>'Percent')::int AS percent,
              (m->>'StartedOn')::date AS started_on,
              (m->>'CompletedOn')::date AS completed_on,
              (m->>'BlockedOn')::date AS blocked_on,
              m->>'BlockedReason' AS blocked_reason,
              m->>'LastNarrative' AS last_narrative,
              m->>'EvidenceUrl' AS evidence_url,
              coalesce((m->>'RescheduleCount')::int, 0) AS reschedule_count,
              ((m->>'Status')::int NOT IN ({(int)MilestoneStatus.Completed}, {(int)MilestoneStatus.Cancelled}) AND (m->>'DueDate')::date < current_date) AS is_overdue,
              coalesce((m->>'IsSample')::boolean, false) AS is_sample
            FROM {S}.mt_doc_workstream w
            CROSS JOIN LATERAL jsonb_array_elements(w.data->'Milestones') WITH ORDINALITY AS x(m, position)
            """),
        ("indicator_measurements", $"""
            SELECT (i->>'Id')::uuid AS indicator_id,
              w.id AS workstream_id,
              (w.data->>'AgreementId')::uuid AS agreement_id,
              w.data->>'Code' AS workstream_code,
              {Languages("i->'Name'", "indicator_name")},
              i->>'Unit' AS unit,
              (i->>'Baseline')::numeric AS baseline,
              (i->>'TargetLow')::numeric AS target_low,
              (i->>'TargetHigh')::numeric AS target_high,
              {EnumName<IndicatorPeriod>("i->>'Period'")} AS indicator_period,
              y.position::int AS measurement_number,
              mm->>'Period' AS period,
              (mm->>'Value')::numeric AS value,
              (mm->>'MeasuredOn')::date AS measured_on,
              (mm->>'Value')::numeric >= (i->>'TargetLow')::numeric AS target_met,
              mm->>'Note' AS note,
              mm->>'EvidenceUrl' AS evidence_url,
              coalesce((i->>'IsSample')::boolean, false) AS is_sample
            FROM {S}.mt_doc_workstream w
            CROSS JOIN LATERAL jsonb_array_elements(w.data->'Indicators') AS x(i)
            CROSS JOIN LATERAL jsonb_array_elements(i->'Measurements') WITH ORDINALITY AS y(mm, position)
            """),
        ("assessments", $"""
            SELECT w.id AS workstream_id,
              (w.data->>'AgreementId')::uuid AS agreement_id,
              w.data->>'Code' AS workstream_code,
              x.position::int AS assessment_number,
              {EnumName<Rag>("s->>'Rating'")} AS rating,
              s->>'Reason' AS reason,
              s->>'AssessedBy' AS assessed_by,
              s->>'PartyId' AS party_id,
              (s->>'AssessedOn')::date AS assessed_on,
              (s->>'RecordedAt')::timestamptz AS recorded_at,
              (s->>'CommitteeId')::uuid AS committee_id,
              (s->>'MeetingId')::uuid AS meeting_id
            FROM {S}.mt_doc_workstream w
            CROSS JOIN LATERAL jsonb_array_elements(w.data->'Assessments') WITH ORDINALITY AS x(s, position)
            """),
        ("committee_members", $"""
            SELECT c.id AS committee_id,
              (c.data->>'AgreementId')::uuid AS agreement_id,
              {Languages("c.data->'Name'", "committee_name")},
              m->>'PersonId' AS person_id,
              m->>'Name' AS name,
              {EnumName<CommitteeRole>("m->>'Role'")} AS role,
              m->>'PartyId' AS party_id,
              (m->>'WorkstreamId')::uuid AS workstream_id,
              (m->>'From')::date AS from_date,
              (m->>'To')::date AS to_date,
              m->>'RelievedReason' AS relieved_reason,
              ((m->>'From')::date <= current_date AND (m->>'To' IS NULL OR current_date < (m->>'To')::date)) AS in_office
            FROM {S}.mt_doc_committee c
            CROSS JOIN LATERAL jsonb_array_elements(c.data->'Members') AS x(m)
            """),
        ("decisions", $"""
            SELECT (d->>'DecisionId')::uuid AS decision_id,
              c.id AS committee_id,
              (c.data->>'AgreementId')::uuid AS agreement_id,
              {Languages("c.data->'Name'", "committee_name")},
              (mt->>'Id')::uuid AS meeting_id,
              (mt->>'HeldOn')::date AS meeting_held_on,
              (d->>'DecidedOn')::date AS decided_on,
              d->>'Text' AS text,
              coalesce((d->>'Consensus')::boolean, false) AS consensus,
              (d->'Votes'->>'For')::int AS votes_for,
              (d->'Votes'->>'Against')::int AS votes_against,
              (d->'Votes'->>'Abstain')::int AS votes_abstain,
              ARRAY(SELECT jsonb_array_elements_text(coalesce(d->'WorkstreamsAffected', '[]'))::uuid) AS workstreams_affected
            FROM {S}.mt_doc_committee c
            CROSS JOIN LATERAL jsonb_array_elements(c.data->'Meetings') AS x(mt)
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(mt->'Decisions', '[]')) AS y(d)
            """),
        ("action_items", $"""
            SELECT (a->>'Id')::uuid AS action_item_id,
              c.id AS committee_id,
              (c.data->>'AgreementId')::uuid AS agreement_id,
              {Languages("c.data->'Name'", "committee_name")},
              a->>'Text' AS text,
              a->>'PersonId' AS person_id,
              a->>'PersonName' AS person_name,
              (a->>'WorkstreamId')::uuid AS workstream_id,
              (a->>'MeetingId')::uuid AS meeting_id,
              (a->>'AssignedOn')::date AS assigned_on,
              (a->>'DueDate')::date AS due_date,
              {EnumName<ActionItemStatus>("a->>'Status'")} AS status,
              a->>'LastNote' AS last_note,
              (a->>'ClosedOn')::date AS closed_on,
              a->>'ClosedReason' AS closed_reason,
              (coalesce((a->>'Status')::int, 0) = {(int)ActionItemStatus.Open} AND (a->>'DueDate')::date < current_date) AS is_overdue
            FROM {S}.mt_doc_committee c
            CROSS JOIN LATERAL jsonb_array_elements(c.data->'ActionItems') AS x(a)
            """),
        ("money_entries", $"""
            SELECT (e->>'Id')::uuid AS entry_id,
              m.id AS workstream_id,
              (m.data->>'AgreementId')::uuid AS agreement_id,
              {EnumName<Money.MoneyKind>("e->>'Kind'")} AS kind,
              (e->>'Date')::date AS entry_date,
              (e->>'Amount')::numeric AS amount,
              e->>'Currency' AS currency,
              e->>'SourceId' AS source_id,
              (e->>'Rate')::numeric AS rate,
              (e->>'RateEffectiveOn')::date AS rate_effective_on,
              (e->>'ReportingAmount')::numeric AS reporting_amount,
              a.data->>'ReportingCurrency' AS reporting_currency,
              e->>'Counterparty' AS counterparty,
              e->>'Reference' AS reference,
              e->>'EvidenceUrl' AS evidence_url,
              coalesce((e->>'IsSample')::boolean, false) AS is_sample
            FROM {S}.mt_doc_workstream_money m
            LEFT JOIN {S}.mt_doc_agreement_money a ON a.id = (m.data->>'AgreementId')::uuid
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(m.data->'Entries', '[]')) AS x(e)
            """),
        ("budget_lines", $"""
            SELECT m.id AS workstream_id,
              (m.data->>'AgreementId')::uuid AS agreement_id,
              'current' AS budget,
              (l->>'Year')::int AS year,
              l->>'SourceId' AS source_id,
              (l->>'Amount')::numeric AS amount,
              m.data->>'Currency' AS currency
            FROM {S}.mt_doc_workstream_money m
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(m.data->'Current', '[]')) AS x(l)
            UNION ALL
            SELECT m.id, (m.data->>'AgreementId')::uuid, 'baseline', (l->>'Year')::int, l->>'SourceId', (l->>'Amount')::numeric, m.data->>'Currency'
            FROM {S}.mt_doc_workstream_money m
            CROSS JOIN LATERAL jsonb_array_elements(coalesce(m.data->'Baseline', '[]')) AS x(l)
            """),
    ];

    private static string Languages(string localizedText, string column) =>
        string.Join(", ", new[] { "En", "Vi", "Lo", "Th" }.Select(l => $"{localizedText}->>'{l}' AS {column}_{l.ToLowerInvariant()}"));

    /// <summary>The enum's name as the API spells it (camelCase); enums are stored as their numbers.</summary>
    private static string EnumName<T>(string number) where T : struct, Enum =>
        $"(ARRAY[{string.Join(", ", Enum.GetNames<T>().Select(n => $"'{JsonNamingPolicy.CamelCase.ConvertName(n)}'"))}])[({number})::int + 1]";

    /// <summary>The first day a partial date (2023, 2023-05, 2023-05-23) can mean; null when its year is not stated.</summary>
    private static string Earliest(string text) => $$"""
        CASE WHEN {{text}} ~ '^[0-9]{4}$' THEN ({{text}} || '-01-01')::date
             WHEN {{text}} ~ '^[0-9]{4}-[0-9]{2}$' THEN ({{text}} || '-01')::date
             WHEN {{text}} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ({{text}})::date END
        """;

    /// <summary>The last day a partial date can mean; null when its year is not stated.</summary>
    private static string Latest(string text) => $$"""
        CASE WHEN {{text}} ~ '^[0-9]{4}$' THEN ({{text}} || '-12-31')::date
             WHEN {{text}} ~ '^[0-9]{4}-[0-9]{2}$' THEN (({{text}} || '-01')::date + interval '1 month' - interval '1 day')::date
             WHEN {{text}} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ({{text}})::date END
        """;

    private sealed class Views : ISchemaObject
    {
        private static readonly string Sql = CreateSql();
        private static readonly string Marker = "programtracker reporting " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)))[..16];

        public DbObjectName Identifier { get; } = new PostgresqlObjectName(MartenSetup.Schema, "reporting_views", SchemaUtils.IdentifierUsage.General);

        private static string CreateSql()
        {
            var sql = new StringBuilder();
            sql.AppendLine($"CREATE SCHEMA IF NOT EXISTS {Schema};");
            sql.AppendLine($"REVOKE ALL ON SCHEMA {Schema} FROM PUBLIC;");
            foreach (var (name, body) in Definitions)
            {
                sql.AppendLine($"DROP VIEW IF EXISTS {Schema}.{name} CASCADE;");
                sql.AppendLine($"CREATE VIEW {Schema}.{name} AS\n{body};");
            }
            // Re-created views lose their grants; the reader role gets them back when it exists (the
            // reporting-role command creates it, which needs CREATEROLE).
            sql.AppendLine($$"""
                DO $$ BEGIN
                  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{ReaderRole}}') THEN
                    GRANT USAGE ON SCHEMA {{Schema}} TO {{ReaderRole}};
                    GRANT SELECT ON ALL TABLES IN SCHEMA {{Schema}} TO {{ReaderRole}};
                  END IF;
                END $$;
                """);
            return sql.ToString();
        }

        public void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            writer.WriteLine(Sql);
            writer.WriteLine($"COMMENT ON SCHEMA {Schema} IS '{Marker}';");
        }

        // The create statement drops and re-creates each view itself.
        public void WriteDropStatement(Migrator rules, TextWriter writer) =>
            writer.WriteLine($"-- {Identifier}: re-created in place");

        public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder)
        {
            var names = string.Join(", ", Definitions.Select(d => $"'{d.Name}'"));
            builder.Append($"""
                select coalesce(obj_description(n.oid, 'pg_namespace'), '') = '{Marker}'
                  and (select count(*) from pg_views where schemaname = '{Schema}' and viewname in ({names})) = {Definitions.Count}
                from pg_namespace n where n.nspname = '{Schema}';
                """);
        }

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
        {
            var current = await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) && reader.GetBoolean(0);
            return new SchemaObjectDelta(this, current ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
        }

        public IEnumerable<DbObjectName> AllNames()
        {
            yield return Identifier;
        }
    }
}
