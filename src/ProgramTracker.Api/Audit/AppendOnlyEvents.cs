using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.Audit;

/// <summary>
/// The audit chain's table and the database's refusal to rewrite events, as schema objects Marten applies at
/// start (or <c>db-apply</c> applies): they come after the event tables, and are re-created whenever a
/// trigger is missing or disabled.
/// </summary>
public sealed class AppendOnlyEvents() : FeatureSchemaBase("AppendOnlyEvents", new PostgresqlMigrator())
{
    public const string OwnerRole = "programtracker_events_owner";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var chain = new Table(new PostgresqlObjectName(MartenSetup.Schema, AuditChain.Table, SchemaUtils.IdentifierUsage.General));
        chain.AddColumn<long>("seq_id").AsPrimaryKey();
        chain.AddColumn<string>("stream_id").NotNull();
        chain.AddColumn<long>("version").NotNull();
        chain.AddColumn<string>("type").NotNull();
        chain.AddColumn<string>("event_timestamp").NotNull();
        chain.AddColumn<string>("data_sha256").NotNull();
        chain.AddColumn<string>("metadata_sha256").NotNull();
        chain.AddColumn<string>("previous_hash").NotNull();
        chain.AddColumn<string>("hash").NotNull();
        chain.AddColumn("chained_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        yield return chain;
        yield return new RefuseRewrites();
        yield return new RealTimestamps();
    }

    /// <summary>
    /// Every event is stored with a real time. When a save fails after its append took sequence numbers (a later
    /// statement of the batch fails, such as two requests racing with one Idempotency-Key, or the connection drops
    /// in a database restart), Marten fills those numbers with tombstone events that it builds without a
    /// timestamp; Npgsql writes .NET's minimum date as -infinity, and such rows sorted before everything, read as
    /// null through to_char and stalled the audit chain. A BEFORE INSERT trigger (ENABLE ALWAYS) gives an event
    /// whose timestamp is missing or infinite the time of its transaction instead. Rows stored before this
    /// trigger existed keep their -infinity: events are never changed.
    /// </summary>
    private sealed class RealTimestamps : ISchemaObject
    {
        private const string Function = "give_event_a_real_time";
        private const string Marker = "real time (audit v1)";

        public DbObjectName Identifier { get; } = new PostgresqlObjectName(MartenSetup.Schema, Function, SchemaUtils.IdentifierUsage.General);

        public void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            var schema = MartenSetup.Schema;
            writer.WriteLine($$"""
                CREATE OR REPLACE FUNCTION {{schema}}.{{Function}}() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN
                  -- every event is stored with a {{Marker}}
                  IF NEW.timestamp IS NULL OR NOT isfinite(NEW.timestamp) THEN
                    NEW.timestamp := transaction_timestamp();
                  END IF;
                  RETURN NEW;
                END
                $f$;
                DROP TRIGGER IF EXISTS {{Function}} ON {{schema}}.mt_events;
                CREATE TRIGGER {{Function}} BEFORE INSERT ON {{schema}}.mt_events FOR EACH ROW EXECUTE FUNCTION {{schema}}.{{Function}}();
                ALTER TABLE {{schema}}.mt_events ENABLE ALWAYS TRIGGER {{Function}};
                DO $$ BEGIN
                  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                    BEGIN
                      CREATE ROLE {{OwnerRole}} NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                    ALTER FUNCTION {{schema}}.{{Function}}() OWNER TO {{OwnerRole}};
                  END IF;
                END $$;
                """);
        }

        public void WriteDropStatement(Migrator rules, TextWriter writer) =>
            writer.WriteLine($"-- {Identifier}: re-created in place");

        public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder)
        {
            var schema = MartenSetup.Schema;
            builder.Append($"""
                select exists (select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = '{schema}' and c.relname = 'mt_events' and t.tgname = '{Function}' and t.tgenabled = 'A')
                  and exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                              where n.nspname = '{schema}' and p.proname = '{Function}' and p.prosrc like '%{Marker}%');
                """);
        }

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
        {
            var intact = await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) && reader.GetBoolean(0);
            return new SchemaObjectDelta(this, intact ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
        }

        public IEnumerable<DbObjectName> AllNames()
        {
            yield return Identifier;
        }
    }

    /// <summary>
    /// Triggers that refuse UPDATE, DELETE and TRUNCATE on the events and the chain, for every role (ENABLE
    /// ALWAYS: they fire under session_replication_role = replica too). When a superuser applies the schema, the
    /// tables go to a NOLOGIN owner role, so a non-superuser application role can neither drop nor disable them;
    /// any other role that applies it (one without CREATEROLE, on a managed server) keeps the tables and the triggers.
    /// </summary>
    private sealed class RefuseRewrites : ISchemaObject
    {
        private const string Function = "refuse_event_rewrite";
        private const string Marker = "append-only (audit v1)";
        private static readonly string[] Tables = ["mt_events", AuditChain.Table];

        public DbObjectName Identifier { get; } = new PostgresqlObjectName(MartenSetup.Schema, Function, SchemaUtils.IdentifierUsage.General);

        public void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            var schema = MartenSetup.Schema;
            writer.WriteLine($$"""
                CREATE OR REPLACE FUNCTION {{schema}}.{{Function}}() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN
                  RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                    MESSAGE = format('permission denied: %s on %I.%I is refused, the event store is {{Marker}}', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME);
                END
                $f$;
                """);
            foreach (var table in Tables)
            {
                writer.WriteLine($"""
                    DROP TRIGGER IF EXISTS {Function} ON {schema}.{table};
                    CREATE TRIGGER {Function} BEFORE UPDATE OR DELETE ON {schema}.{table} FOR EACH ROW EXECUTE FUNCTION {schema}.{Function}();
                    ALTER TABLE {schema}.{table} ENABLE ALWAYS TRIGGER {Function};
                    DROP TRIGGER IF EXISTS {Function}_truncate ON {schema}.{table};
                    CREATE TRIGGER {Function}_truncate BEFORE TRUNCATE ON {schema}.{table} FOR EACH STATEMENT EXECUTE FUNCTION {schema}.{Function}();
                    ALTER TABLE {schema}.{table} ENABLE ALWAYS TRIGGER {Function}_truncate;
                    REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.{table} FROM PUBLIC;
                    """);
            }
            writer.WriteLine($$"""
                DO $$ BEGIN
                  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                    BEGIN
                      CREATE ROLE {{OwnerRole}} NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                    ALTER TABLE {{schema}}.mt_events OWNER TO {{OwnerRole}};
                    ALTER TABLE {{schema}}.{{AuditChain.Table}} OWNER TO {{OwnerRole}};
                    ALTER FUNCTION {{schema}}.{{Function}}() OWNER TO {{OwnerRole}};
                  END IF;
                END $$;
                """);
        }

        // The create statement replaces everything it makes; dropping first would leave the events unguarded.
        public void WriteDropStatement(Migrator rules, TextWriter writer) =>
            writer.WriteLine($"-- {Identifier}: re-created in place");

        public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder)
        {
            var schema = MartenSetup.Schema;
            builder.Append($"""
                select
                  (select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname = '{schema}' and c.relname in ('mt_events', '{AuditChain.Table}')
                     and t.tgname in ('{Function}', '{Function}_truncate') and t.tgenabled = 'A') = 4
                  and exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                   where n.nspname = '{schema}' and p.proname = '{Function}' and p.prosrc like '%{Marker}%')
                  and (not (select rolsuper from pg_roles where rolname = current_user)
                   or (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = '{schema}' and c.relname in ('mt_events', '{AuditChain.Table}')
                         and pg_get_userbyid(c.relowner) = '{OwnerRole}') = 2);
                """);
        }

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
        {
            var intact = await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) && reader.GetBoolean(0);
            return new SchemaObjectDelta(this, intact ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
        }

        public IEnumerable<DbObjectName> AllNames()
        {
            yield return Identifier;
        }
    }
}
