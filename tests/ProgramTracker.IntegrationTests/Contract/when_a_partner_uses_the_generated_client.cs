using System.Net.Http.Headers;
using ProgramTracker.Api.Security;
using ProgramTracker.IntegrationTests.Contract.Client;

namespace ProgramTracker.IntegrationTests.Contract;

/// <summary>A partner system's view: only the client NSwag generated from the served document, nothing of the app's own types.</summary>
public class when_a_partner_uses_the_generated_client(AppFixture app) : IntegrationContext(app)
{
    private readonly ProgramTrackerClient _client = new(app.CreateClient(DemoUsers.Administrator));

    private static RegisterAgreement Agreement(string code) => new()
    {
        Code = code,
        Title = new LocalizedText { En = "Cooperation in public administration", Lo = "ການຮ່ວມມືດ້ານການບໍລິຫານລັດ" },
        Parties =
        [
            new Party { PartyId = "vn-moha", Name = new LocalizedText { En = "Ministry of Home Affairs" }, Country = "VN" },
            new Party { PartyId = "la-moha", Name = new LocalizedText { En = "Ministry of Home Affairs" }, Country = "LA" },
        ],
        SignedOn = "2023-05",
        Validity = new ValidityPeriod { From = "2023-06-01", To = "2026" },
        Status = AgreementStatus.Signed,
    };

    private static string NewCode() => $"NSW-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task it_registers_an_agreement_and_reads_it_back_typed()
    {
        var code = NewCode();
        var accepted = await _client.RegisterAgreementAsync(null, Agreement(code));

        accepted.Version.ShouldBe(1);
        var agreement = await _client.GetAgreementAsync(accepted.Id);
        agreement.Id.ShouldBe(accepted.Id);
        agreement.Code.ShouldBe(code);
        agreement.SignedOn.ShouldBe("2023-05");
        agreement.Validity.To.ShouldBe("2026");
        agreement.Parties.Select(p => p.Country).ShouldBe(["VN", "LA"]);
    }

    [Fact]
    public async Task a_refusal_arrives_as_a_typed_problem_naming_the_field_and_rule()
    {
        var code = NewCode();
        await _client.RegisterAgreementAsync(null, Agreement(code));

        var refused = await Should.ThrowAsync<ApiException<ProblemDetails>>(() => _client.RegisterAgreementAsync(null, Agreement(code)));

        refused.StatusCode.ShouldBe(409);
        refused.Result.Field.ShouldBe("code");
        refused.Result.Rule.ShouldBe("code-taken");
    }

    [Fact]
    public async Task a_retry_with_the_same_idempotency_key_gets_the_first_answer()
    {
        var key = Guid.NewGuid().ToString();
        var body = Agreement(NewCode());

        var first = await _client.RegisterAgreementAsync(key, body);
        var again = await _client.RegisterAgreementAsync(key, body);

        again.Id.ShouldBe(first.Id);
        again.Version.ShouldBe(first.Version);
    }

    [Fact]
    public async Task a_stale_if_match_is_a_typed_412()
    {
        var agreement = await _client.RegisterAgreementAsync(null, Agreement(NewCode()));
        var workstream = await _client.AddWorkstreamAsync(agreement.Id, null, null, new AddWorkstream
        {
            Code = "WS-1", Title = new LocalizedText { En = "Staff capacity" },
        });

        var stale = await Should.ThrowAsync<ApiException<ProblemDetails>>(() => _client.AddWorkstreamAsync(agreement.Id, "\"1\"", null,
            new AddWorkstream { Code = "WS-2", Title = new LocalizedText { En = "Records management" } }));

        workstream.Id.ShouldNotBe(agreement.Id);
        stale.StatusCode.ShouldBe(412);
        stale.Result.Rule.ShouldBe("stale-if-match");
    }

    [Fact]
    public async Task a_caller_without_a_token_gets_a_typed_401()
    {
        var anonymous = new ProgramTrackerClient(App.CreateAnonymousClient());

        var refused = await Record.ExceptionAsync(() => anonymous.ListAgreementsAsync(null, null, null, null, null, null));

        refused.ShouldBeAssignableTo<ApiException>()!.StatusCode.ShouldBe(401);
    }
}
