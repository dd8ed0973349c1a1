using System.Text.RegularExpressions;
using JasperFx.CommandLine;
using Marten;
using Npgsql;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.Api.Feeds;

/// <summary>
/// A login for BI tools that may read the <c>reporting</c> views and nothing else: it joins the NOLOGIN
/// <see cref="ReportingViews.ReaderRole"/>, which holds SELECT on the views and no right on the app's own schema,
/// its events, documents or Wolverine tables. The views read those tables with their owner's rights.
/// </summary>
public static partial class ReportingRole
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();

    public static string? Refusal(string login, string password) =>
        !RoleName().IsMatch(login) ? "The role name must be lower-case letters, digits and underscores (at most 63), starting with a letter or underscore."
        : login == ReportingViews.ReaderRole || login.StartsWith("pg_", StringComparison.Ordinal) ? $"'{login}' is reserved; choose another name."
        : password.Length < 12 ? "The password must be at least 12 characters long."
        : password.Any(char.IsControl) ? "The password must not contain control characters."
        : null;

    /// <summary>Creates the login, or gives an existing reporting login a new password. Needs CREATEROLE (or a superuser).</summary>
    public static async Task CreateAsync(NpgsqlConnection conn, string login, string password, CancellationToken ct)
    {
        if (Refusal(login, password) is { } refusal) throw new ArgumentException(refusal);
        await using var tx = await conn.BeginTransactionAsync(ct);

        await using (var existing = new NpgsqlCommand("""
            select r.rolsuper or r.rolcreaterole or r.rolcreatedb or r.rolreplication or r.rolbypassrls
              or not coalesce(pg_has_role(r.oid, (select oid from pg_roles where rolname = @reader), 'MEMBER'), false)
            from pg_roles r where r.rolname = @login
            """, conn, tx))
        {
            existing.Parameters.AddWithValue("login", login);
            existing.Parameters.AddWithValue("reader", ReportingViews.ReaderRole);
            if (await existing.ExecuteScalarAsync(ct) is true)
                throw new ArgumentException($"A role '{login}' already exists and is not a reporting login; it is left as it is. Choose another name.");
        }

        // The password goes in as a parameter, never spliced into the statement.
        await using (var setPassword = new NpgsqlCommand("select set_config('programtracker.reporting_password', @password, true)", conn, tx))
        {
            setPassword.Parameters.AddWithValue("password", password);
            await setPassword.ExecuteNonQueryAsync(ct);
        }

        var schema = ReportingViews.Schema;
        var reader = ReportingViews.ReaderRole;
        await using var create = new NpgsqlCommand($$"""
            DO $$ BEGIN
              CREATE ROLE {{reader}} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$;
            GRANT USAGE ON SCHEMA {{schema}} TO {{reader}};
            GRANT SELECT ON ALL TABLES IN SCHEMA {{schema}} TO {{reader}};
            DO $$ BEGIN
              CREATE ROLE {{login}} LOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$;
            DO $$ BEGIN
              EXECUTE format('ALTER ROLE {{login}} WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
                current_setting('programtracker.reporting_password'));
              EXECUTE format('GRANT CONNECT ON DATABASE %I TO {{login}}', current_database());
            END $$;
            GRANT {{reader}} TO {{login}};
            ALTER ROLE {{login}} SET search_path = {{schema}};
            ALTER ROLE {{login}} SET default_transaction_read_only = on;
            REVOKE ALL ON ALL TABLES IN SCHEMA {{MartenSetup.Schema}} FROM PUBLIC;
            REVOKE ALL ON SCHEMA {{MartenSetup.Schema}} FROM PUBLIC;
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            """, conn, tx);
        await create.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }
}

public class ReportingRoleInput : NetCoreInput
{
    [Description("The login to create for the BI tool, such as metabase_reader")]
    public string Login { get; set; } = "";

    [Description("Its password (at least 12 characters); or set PROGRAMTRACKER_REPORTING_PASSWORD to keep it off the command line")]
    [FlagAlias("password", 'p')]
    public string? PasswordFlag { get; set; }
}

[Description("Creates a PostgreSQL login that may read the 'reporting' views and nothing else, for Metabase, Superset or Power BI", Name = "reporting-role")]
public sealed class ReportingRoleCommand : JasperFxAsyncCommand<ReportingRoleInput>
{
    public override async Task<bool> Execute(ReportingRoleInput input)
    {
        var password = input.PasswordFlag ?? Environment.GetEnvironmentVariable("PROGRAMTRACKER_REPORTING_PASSWORD") ?? "";
        if (ReportingRole.Refusal(input.Login, password) is { } refusal)
        {
            await Console.Error.WriteLineAsync(refusal);
            return false;
        }

        using var host = input.BuildHost();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await using var conn = (NpgsqlConnection)store.Storage.Database.CreateConnection();
            await conn.OpenAsync();
            await using (var check = new NpgsqlCommand($"select exists (select 1 from pg_namespace where nspname = '{ReportingViews.Schema}')", conn))
            {
                if (await check.ExecuteScalarAsync() is not true)
                {
                    await Console.Error.WriteLineAsync("There are no reporting views in this database yet: run 'db-apply' (or start the app once) first.");
                    return false;
                }
            }
            await ReportingRole.CreateAsync(conn, input.Login, password, CancellationToken.None);
            Console.WriteLine($"Login '{input.Login}' may now read the {ReportingViews.Schema} views of database '{conn.Database}', and nothing else.");
            return true;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            await Console.Error.WriteLineAsync($"The configured database login may not create roles ({e.MessageText}): run this with a login that has CREATEROLE.");
            return false;
        }
        finally
        {
            // The host never ran, so the hook that stops the embedded server with the app never fires.
            host.Services.GetService<EmbeddedPostgres>()?.Stop();
        }
    }
}
