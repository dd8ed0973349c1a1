using System.Net;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProgramTracker.Api.Audit;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// Tampering here goes around the database's guard the way only a superuser can (disabling the trigger inside a
/// transaction), and every test puts the exact original row back before it ends, so the shared store verifies
/// clean for every other test.
/// </summary>
public class when_the_audit_chain_is_verified(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task an_untouched_store_verifies_clean_up_to_the_newest_event()
    {
        var id = await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        var newest = await FirstSequenceOf(id);

        var result = await Verify();

        result["intact"]!.GetValue<bool>().ShouldBeTrue(result.ToJsonString());
        result["firstBreak"].ShouldBeNull();
        result["chainHeadSequence"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(newest);
        result["eventsVerified"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(await EventCount() - result["unchainedEvents"]!.GetValue<long>() - result["lateTombstones"]!.GetValue<long>());
        result["chainHeadHash"]!.GetValue<string>().Length.ShouldBe(64);
    }

    [Fact]
    public async Task a_changed_event_is_reported_with_its_sequence_number_stream_and_what_differs()
    {
        var id = await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        var sequence = await FirstSequenceOf(id);

        await using var conn = await Superuser();
        var original = await Scalar<string>(conn, "select data::text from programtracker.mt_events where seq_id = @seq", sequence);
        try
        {
            await AroundTheGuard(conn, "update programtracker.mt_events set data = data || '{\"rewritten\": true}'::jsonb where seq_id = @seq", sequence);

            var result = await Verify();

            result["intact"]!.GetValue<bool>().ShouldBeFalse();
            var broken = result["firstBreak"]!;
            broken["sequence"]!.GetValue<long>().ShouldBe(sequence);
            broken["streamId"]!.GetValue<string>().ShouldBe(id.ToString());
            broken["problem"]!.GetValue<string>().ShouldBe(AuditVerifier.EventChanged);
            broken["differences"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["data"]);
            result["eventsVerified"]!.GetValue<long>().ShouldBeLessThan(sequence);
        }
        finally
        {
            await AroundTheGuard(conn, "update programtracker.mt_events set data = @original::jsonb where seq_id = @seq", sequence, original);
        }

        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_changed_user_name_is_reported_as_changed_metadata()
    {
        var id = await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        var sequence = await FirstSequenceOf(id);

        await using var conn = await Superuser();
        try
        {
            await AroundTheGuard(conn, "create temp table original_event as select * from programtracker.mt_events where seq_id = @seq; " +
                                       "update programtracker.mt_events set user_name = 'someone else' where seq_id = @seq", sequence);

            var broken = (await Verify())["firstBreak"]!;

            broken["sequence"]!.GetValue<long>().ShouldBe(sequence);
            broken["differences"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["metadata"]);
        }
        finally
        {
            await AroundTheGuard(conn, "update programtracker.mt_events e set user_name = o.user_name from original_event o where e.seq_id = o.seq_id", sequence);
        }

        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_deleted_event_is_reported_with_its_sequence_number()
    {
        var id = await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        var sequence = await FirstSequenceOf(id);

        await using var conn = await Superuser();
        await Execute(conn, "create temp table deleted_event as select * from programtracker.mt_events where seq_id = @seq", sequence);
        try
        {
            await AroundTheGuard(conn, "delete from programtracker.mt_events where seq_id = @seq", sequence);

            var result = await Verify();

            result["intact"]!.GetValue<bool>().ShouldBeFalse();
            result["firstBreak"]!["sequence"]!.GetValue<long>().ShouldBe(sequence);
            result["firstBreak"]!["problem"]!.GetValue<string>().ShouldBe(AuditVerifier.EventDeleted);
        }
        finally
        {
            await Execute(conn, "insert into programtracker.mt_events select * from deleted_event", sequence);
        }

        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task an_edited_chain_link_is_reported_as_the_chain_itself_rewritten()
    {
        var id = await Http.RegisteredAgreement();
        // Later events, so the edited link is not the head the writer would go on from.
        await Http.OpenedWorkstream(id);
        await App.WaitForProjectionsAsync();
        var sequence = await FirstSequenceOf(id);

        await using var conn = await Superuser();
        var original = await Scalar<string>(conn, "select hash from programtracker.audit_chain where seq_id = @seq", sequence);
        try
        {
            await AroundTheChainGuard(conn, $"update programtracker.audit_chain set hash = '{new string('f', 64)}' where seq_id = @seq", sequence);

            var broken = (await Verify())["firstBreak"]!;

            broken["sequence"]!.GetValue<long>().ShouldBe(sequence);
            broken["problem"]!.GetValue<string>().ShouldBe(AuditVerifier.LinkAltered);
        }
        finally
        {
            await AroundTheChainGuard(conn, $"update programtracker.audit_chain set hash = '{original}' where seq_id = @seq", sequence);
        }

        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task an_event_whose_link_was_removed_is_reported_as_not_in_the_chain()
    {
        var id = await Http.RegisteredAgreement();
        // Later events, so the removed link is not the head (a missing head link reads as "not chained yet").
        await Http.OpenedWorkstream(id);
        await App.WaitForProjectionsAsync();
        var sequence = await FirstSequenceOf(id);

        await using var conn = await Superuser();
        await Execute(conn, "create temp table removed_link as select * from programtracker.audit_chain where seq_id = @seq", sequence);
        try
        {
            await AroundTheChainGuard(conn, "delete from programtracker.audit_chain where seq_id = @seq", sequence);

            var broken = (await Verify())["firstBreak"]!;

            broken["sequence"]!.GetValue<long>().ShouldBe(sequence);
            broken["problem"]!.GetValue<string>().ShouldBe(AuditVerifier.EventNotInChain);
        }
        finally
        {
            await Execute(conn, "insert into programtracker.audit_chain select * from removed_link", sequence);
        }

        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task the_apps_own_role_gets_a_permission_error_on_update_delete_and_truncate()
    {
        var id = await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        var sequence = await FirstSequenceOf(id);
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();

        foreach (var sql in new[]
                 {
                     "update programtracker.mt_events set data = '{}' where seq_id = @seq",
                     "delete from programtracker.mt_events where seq_id = @seq",
                     "truncate programtracker.mt_events cascade",
                     "truncate programtracker.mt_streams cascade",
                     "update programtracker.audit_chain set hash = previous_hash where seq_id = @seq",
                     "delete from programtracker.audit_chain where seq_id = @seq",
                     "truncate programtracker.audit_chain",
                 })
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => Execute(conn, sql, sequence), sql);
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }

        // Replication mode skips ordinary triggers; these fire always.
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await Execute(conn, "set local session_replication_role = replica", 0, tx: tx);
            var refused = await Should.ThrowAsync<PostgresException>(() => Execute(conn, "delete from programtracker.mt_events where seq_id = @seq", sequence, tx: tx));
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }

        (await Scalar<long>(conn, "select count(*) from programtracker.mt_events where seq_id = @seq", sequence)).ShouldBe(1);
    }

    [Fact]
    public async Task a_disabled_guard_is_switched_back_on_when_the_schema_is_applied()
    {
        await using var conn = await Superuser();
        try
        {
            await Execute(conn, "alter table programtracker.mt_events disable trigger refuse_event_rewrite", 0);
            (await GuardState(conn)).ShouldBe("D");

            await App.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

            (await GuardState(conn)).ShouldBe("A");
        }
        finally
        {
            await Execute(conn, "alter table programtracker.mt_events enable always trigger refuse_event_rewrite", 0);
        }
    }

    private static Task<string> GuardState(NpgsqlConnection conn) => Scalar<string>(conn,
        "select tgenabled::text from pg_trigger where tgname = 'refuse_event_rewrite' and tgrelid = 'programtracker.mt_events'::regclass", 0);

    [Fact]
    public async Task a_role_that_does_not_own_the_events_may_read_and_insert_but_neither_rewrite_nor_switch_the_guard_off()
    {
        var role = $"audit_probe_{Guid.NewGuid():N}"[..24];
        const string password = "probe-password";
        var sequence = await FirstSequenceOf(await Http.RegisteredAgreement());
        await App.WaitForProjectionsAsync();
        await using var admin = await Superuser();
        await Execute(admin, $"create role {role} login password '{password}'; " +
                             $"grant usage on schema programtracker to {role}; " +
                             $"grant select, insert on programtracker.mt_events, programtracker.audit_chain to {role}", 0);
        try
        {
            var asProbe = new NpgsqlConnectionStringBuilder(App.ConnectionString) { Username = role, Password = password, Pooling = false };
            await using var conn = new NpgsqlConnection(asProbe.ConnectionString);
            await conn.OpenAsync();

            (await Scalar<long>(conn, "select count(*) from programtracker.mt_events where seq_id = @seq", sequence)).ShouldBe(1);
            (await Scalar<bool>(conn, "select has_table_privilege('programtracker.mt_events', 'INSERT')", 0)).ShouldBeTrue();
            foreach (var sql in new[]
                     {
                         "update programtracker.mt_events set data = '{}' where seq_id = @seq",
                         "delete from programtracker.mt_events where seq_id = @seq",
                         "truncate programtracker.mt_events",
                         "alter table programtracker.mt_events disable trigger refuse_event_rewrite",
                         "drop trigger refuse_event_rewrite on programtracker.mt_events",
                         "update programtracker.audit_chain set hash = previous_hash where seq_id = @seq",
                     })
            {
                var refused = await Should.ThrowAsync<PostgresException>(() => Execute(conn, sql, sequence), sql);
                refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
            }
        }
        finally
        {
            await Execute(admin, $"drop owned by {role}; drop role {role}", 0);
        }
    }

    [Fact]
    public async Task an_anchored_head_is_checked_and_a_different_one_is_refused()
    {
        await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        var first = await Verify();
        var anchor = $"{first["chainHeadSequence"]!.GetValue<long>()}:{first["chainHeadHash"]!.GetValue<string>()}";

        (await Verify(anchor))["intact"]!.GetValue<bool>().ShouldBeTrue();

        var forged = $"{first["chainHeadSequence"]!.GetValue<long>()}:{new string('a', 64)}";
        var refused = await Verify(forged);
        refused["intact"]!.GetValue<bool>().ShouldBeFalse();
        refused["firstBreak"]!["problem"]!.GetValue<string>().ShouldBe(AuditVerifier.AnchorMismatch);
        refused["firstBreak"]!["sequence"]!.GetValue<long>().ShouldBe(first["chainHeadSequence"]!.GetValue<long>());

        (await Http.GetAsync("/api/admin/audit/verify?anchor=not-an-anchor")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task extending_the_chain_again_over_chained_events_adds_nothing()
    {
        await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        await using var conn = await Superuser();
        var head = await Scalar<long>(conn, "select max(seq_id) from programtracker.audit_chain", 0);
        var links = await Scalar<long>(conn, "select count(*) from programtracker.audit_chain", 0);

        // What a rewound or rebuilt subscription does: hand the chain a range it has already covered.
        (await AuditChain.ExtendAsync(conn, head, CancellationToken.None)).ShouldBe(0);

        (await Scalar<long>(conn, "select count(*) from programtracker.audit_chain", 0)).ShouldBe(links);
        (await Verify())["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_subscription_rewound_to_the_start_replays_without_chaining_anything_twice()
    {
        await Http.RegisteredAgreement();
        await App.WaitForProjectionsAsync();
        await using var conn = await Superuser();
        var before = await Verify();
        var links = await Scalar<long>(conn, "select count(*) from programtracker.audit_chain", 0);

        var daemon = App.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RewindSubscriptionAsync(AuditChainSubscription.SubscriptionName, CancellationToken.None, sequenceFloor: 0);
        await App.WaitForProjectionsAsync();

        (await Scalar<long>(conn, "select count(*) from programtracker.audit_chain", 0)).ShouldBe(links);
        var after = await Verify();
        after["intact"]!.GetValue<bool>().ShouldBeTrue();
        after["chainHeadHash"]!.GetValue<string>().ShouldBe(before["chainHeadHash"]!.GetValue<string>());
    }

    /// <summary>
    /// An event row whose timestamp is infinite (Npgsql writes .NET's minimum date as -infinity) once stalled the
    /// chain after a database restart under load: to_char of an infinite timestamp is null. The chain reads such a
    /// row with PostgreSQL's own text for it, and hashes it like any other. Checked on a row of the events table's
    /// shape that is not in the shared store.
    /// </summary>
    [Fact]
    public async Task a_row_with_an_infinite_timestamp_is_read_and_hashed_like_any_other()
    {
        await using var conn = await Superuser();
        await using var select = new NpgsqlCommand(
            $"select {AuditChain.EventColumns("e")} from (select 7::bigint as seq_id, gen_random_uuid() as id, gen_random_uuid() as stream_id, " +
            "1::bigint as version, 'tombstone'::varchar as type, '-infinity'::timestamptz as timestamp, '*DEFAULT*'::varchar as tenant_id, " +
            "null::varchar as mt_dotnet_type, false as is_archived, null::jsonb as headers, null::varchar as user_name, " +
            "null::varchar as correlation_id, null::varchar as causation_id, '{}'::jsonb as data) e", conn);
        await using var reader = await select.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();

        var row = AuditChain.ReadEvent(reader, 0);

        row.Timestamp.ShouldBe("-infinity");
        AuditChain.Link(AuditChain.Genesis, row).Hash.Length.ShouldBe(64);
        AuditChain.Link(AuditChain.Genesis, row with { Timestamp = "0001-01-01T00:00:00.000000Z" }).Hash
            .ShouldNotBe(AuditChain.Link(AuditChain.Genesis, row).Hash);
    }

    private async Task<JsonNode> Verify(string? anchor = null)
    {
        var response = await Http.GetAsync("/api/admin/audit/verify" + (anchor is null ? "" : $"?anchor={Uri.EscapeDataString(anchor)}"));
        return await response.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<long> FirstSequenceOf(Guid streamId)
    {
        await using var conn = await Superuser();
        await using var cmd = new NpgsqlCommand("select min(seq_id) from programtracker.mt_events where stream_id = @id", conn);
        cmd.Parameters.AddWithValue("id", streamId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The fixture's connection is the cluster's superuser, the one role that can switch the guard off.</summary>
    private async Task<NpgsqlConnection> Superuser()
    {
        var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    /// <summary>Runs <paramref name="sql"/> with the guard off, in one transaction: no other session ever sees it off.</summary>
    private static async Task AroundTheGuard(NpgsqlConnection conn, string sql, long sequence, string? original = null)
    {
        await using var tx = await conn.BeginTransactionAsync();
        await Execute(conn, "alter table programtracker.mt_events disable trigger refuse_event_rewrite", 0, tx: tx);
        await Execute(conn, sql, sequence, original, tx);
        await Execute(conn, "alter table programtracker.mt_events enable always trigger refuse_event_rewrite", 0, tx: tx);
        await tx.CommitAsync();
    }

    private static async Task AroundTheChainGuard(NpgsqlConnection conn, string sql, long sequence)
    {
        await using var tx = await conn.BeginTransactionAsync();
        await Execute(conn, "alter table programtracker.audit_chain disable trigger refuse_event_rewrite", 0, tx: tx);
        await Execute(conn, sql, sequence, tx: tx);
        await Execute(conn, "alter table programtracker.audit_chain enable always trigger refuse_event_rewrite", 0, tx: tx);
        await tx.CommitAsync();
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, long sequence, string? original = null, NpgsqlTransaction? tx = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        if (sql.Contains("@seq")) cmd.Parameters.AddWithValue("seq", sequence);
        if (original is not null) cmd.Parameters.AddWithValue("original", original);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql, long sequence)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (sql.Contains("@seq")) cmd.Parameters.AddWithValue("seq", sequence);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
