using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ProgramTracker.Api.Feeds;
using ProgramTracker.IntegrationTests.Committees;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.Feeds;

public class when_a_bi_tool_reads_the_reporting_views(AppFixture app) : IntegrationContext(app)
{
    private const string Password = "reporting-login-password";

    [Fact]
    public async Task the_reporting_login_reads_one_row_per_thing_with_the_languages_as_columns()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId);
        var milestoneId = await Http.PlannedMilestone(workstreamId, due: "2025-06-30", weight: 2);
        var indicatorId = (await (await Http.PostJson($"/api/workstreams/{workstreamId}/indicators", new
        {
            name = new { en = "Lao officials trained per year", lo = "ພະນັກງານລາວທີ່ໄດ້ຮັບການຝຶກອົບຮົມຕໍ່ປີ" },
            unit = "officials", baseline = 0, targetLow = 20, period = "annual",
        })).ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        (await Http.PostJson($"/api/workstreams/{workstreamId}/indicators/{indicatorId}/measurements",
            new { value = 22, period = "2024", measuredOn = "2024-12-20", note = "Two classes in Vientiane" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.PostJson($"/api/workstreams/{workstreamId}/assessments",
            new { rating = "amber", reason = "Training slipped one quarter.", partyId = "la-moha", assessedOn = "2024-06-30" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var committeeId = await Http.EstablishedCommittee(agreementId);
        var chair = CommitteeScenarios.NewPersonId("chair");
        await Http.Appointed(committeeId, chair, role: "chair");
        var meetingId = await Http.ScheduledMeeting(committeeId, "2024-06-14", workstreamId);
        await Http.HeldMeeting(committeeId, meetingId, chair);
        var decisionId = (await (await Post($"/api/committees/{committeeId}/meetings/{meetingId}/decisions", new
        {
            text = "Move the delegation to October", workstreamsAffected = new[] { workstreamId }, votes = new { @for = 0, against = 0, abstain = 1 },
        })).ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var actionItemId = (await (await Post($"/api/committees/{committeeId}/action-items", new
        {
            text = "Confirm the October dates", personId = chair, workstreamId, dueDate = "2099-07-31", meetingId,
        })).ShouldBe(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        await using var bi = await ReportingLoginAsync();

        var agreement = await SingleRowAsync(bi, "agreements", agreementId);
        agreement["title_vi"].ShouldBe("Hợp tác trong lĩnh vực nội vụ");
        agreement["title_lo"].ShouldBe("ການຮ່ວມມືດ້ານພາຍໃນ");
        agreement["title_th"].ShouldBe(DBNull.Value);
        agreement["status"].ShouldBe("signed");
        agreement["signed_on_date"].ShouldBe(new DateOnly(2023, 5, 23));
        agreement["valid_to_date"].ShouldBe(new DateOnly(2026, 12, 31));
        agreement["workstream_count"].ShouldBe(1);

        var workstream = await SingleRowAsync(bi, "workstreams", agreementId);
        workstream["workstream_id"].ShouldBe(workstreamId);
        workstream["title_lo"].ShouldBe("ການພັດທະນາຄວາມສາມາດພະນັກງານ");
        workstream["rag"].ShouldBe("amber");

        var milestone = await SingleRowAsync(bi, "milestones", agreementId);
        milestone["milestone_id"].ShouldBe(milestoneId);
        milestone["title_en"].ShouldBe("Delegation of 20 officials received");
        milestone["due_date"].ShouldBe(new DateOnly(2025, 6, 30));
        milestone["weight"].ShouldBe(2m);
        milestone["status"].ShouldBe("planned");

        var measurement = await SingleRowAsync(bi, "indicator_measurements", agreementId);
        measurement["indicator_id"].ShouldBe(indicatorId);
        measurement["indicator_name_lo"].ShouldBe("ພະນັກງານລາວທີ່ໄດ້ຮັບການຝຶກອົບຮົມຕໍ່ປີ");
        measurement["value"].ShouldBe(22m);
        measurement["measured_on"].ShouldBe(new DateOnly(2024, 12, 20));
        measurement["indicator_period"].ShouldBe("annual");
        measurement["target_met"].ShouldBe(true);

        var assessment = await SingleRowAsync(bi, "assessments", agreementId);
        assessment["rating"].ShouldBe("amber");
        assessment["assessed_on"].ShouldBe(new DateOnly(2024, 6, 30));
        assessment["party_id"].ShouldBe("la-moha");

        var member = await SingleRowAsync(bi, "committee_members", agreementId);
        member["person_id"].ShouldBe(chair);
        member["role"].ShouldBe("chair");
        member["committee_name_vi"].ShouldBe("Ban chỉ đạo chung");
        member["in_office"].ShouldBe(true);

        var decision = await SingleRowAsync(bi, "decisions", agreementId);
        decision["decision_id"].ShouldBe(decisionId);
        decision["meeting_id"].ShouldBe(meetingId);
        decision["text"].ShouldBe("Move the delegation to October");
        decision["votes_abstain"].ShouldBe(1);
        ((Guid[])decision["workstreams_affected"]).ShouldBe([workstreamId]);

        var actionItem = await SingleRowAsync(bi, "action_items", agreementId);
        actionItem["action_item_id"].ShouldBe(actionItemId);
        actionItem["status"].ShouldBe("open");
        actionItem["due_date"].ShouldBe(new DateOnly(2099, 7, 31));
        actionItem["is_overdue"].ShouldBe(false);
    }

    [Fact]
    public async Task the_reporting_login_is_refused_everything_but_the_views()
    {
        await using var bi = await ReportingLoginAsync();
        foreach (var sql in new[]
                 {
                     "select count(*) from programtracker.mt_events",
                     "select count(*) from programtracker.mt_streams",
                     "select count(*) from programtracker.mt_doc_agreement",
                     "select count(*) from programtracker.mt_doc_workstream",
                     "select count(*) from programtracker.wolverine_incoming_envelopes",
                     "select count(*) from programtracker.audit_chain",
                     "create table reporting.mine (id int)",
                     "create table public.mine (id int)",
                     "create view reporting.agreements_again as select 1",
                 })
        {
            var refused = await Should.ThrowAsync<PostgresException>(async () =>
            {
                await using var cmd = new NpgsqlCommand(sql, bi);
                await cmd.ExecuteNonQueryAsync();
            }, sql);
            refused.SqlState.ShouldBeOneOf([PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.ReadOnlySqlTransaction], sql);
        }

        foreach (var (view, _) in ReportingViews.Definitions)
        {
            await using var cmd = new NpgsqlCommand($"select count(*) from {view}", bi);
            ((long)(await cmd.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(0, view);
        }
        await using var agreements = new NpgsqlCommand("select count(*) from agreements", bi);
        ((long)(await agreements.ExecuteScalarAsync())!).ShouldBeGreaterThan(0, "the sample agreements are there, read through the login's search_path");
    }

    [Fact]
    public async Task a_name_that_is_not_a_plain_identifier_or_an_existing_role_is_refused()
    {
        ReportingRole.Refusal("bi; drop table x", Password).ShouldNotBeNull();
        ReportingRole.Refusal("bi_reader", "short").ShouldNotBeNull();
        ReportingRole.Refusal("bi_reader", Password).ShouldBeNull();
        await using var admin = new NpgsqlConnection(App.ConnectionString);
        await admin.OpenAsync();
        var refused = await Should.ThrowAsync<ArgumentException>(() => ReportingRole.CreateAsync(admin, "postgres", Password, CancellationToken.None));
        refused.Message.ShouldContain("not a reporting login");
    }

    private async Task<NpgsqlConnection> ReportingLoginAsync()
    {
        var login = $"bi_{Guid.NewGuid():N}"[..20];
        await using (var admin = new NpgsqlConnection(App.ConnectionString))
        {
            await admin.OpenAsync();
            await ReportingRole.CreateAsync(admin, login, Password, CancellationToken.None);
            // Running it again (a new password, say) leaves one working login.
            await ReportingRole.CreateAsync(admin, login, Password, CancellationToken.None);
        }
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(App.ConnectionString)
        {
            Username = login, Password = Password, Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<Dictionary<string, object>> SingleRowAsync(NpgsqlConnection conn, string view, Guid agreementId)
    {
        await using var cmd = new NpgsqlCommand($"select * from reporting.{view} where agreement_id = @id", conn);
        cmd.Parameters.AddWithValue("id", agreementId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i =>
                reader.IsDBNull(i) ? DBNull.Value
                : reader.GetDataTypeName(i) == "date" ? reader.GetFieldValue<DateOnly>(i)
                : reader.GetValue(i)));
        }
        return rows.ShouldHaveSingleItem(view);
    }
}
