namespace ProgramTracker.IntegrationTests.Contract;

/// <summary>
/// The client the contract tests use is what NSwag makes of the document the app serves today. When the contract
/// changes on purpose, regenerate it: PROGRAMTRACKER_WRITE_CLIENT=1 dotnet test tests/ProgramTracker.IntegrationTests
/// --filter FullyQualifiedName~when_a_partner_generates_a_client
/// </summary>
public class when_a_partner_generates_a_client(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_committed_client_is_the_one_the_served_document_generates()
    {
        using var anonymous = App.CreateAnonymousClient();
        var generated = await ContractDocument.GenerateClientAsync(await ContractDocument.FetchAsync(anonymous));
        generated.ShouldContain("public partial class ProgramTrackerClient");
        generated.ShouldContain("RegisterAgreementAsync(");

        if (Environment.GetEnvironmentVariable("PROGRAMTRACKER_WRITE_CLIENT") == "1")
            await File.WriteAllTextAsync(ContractDocument.ClientFile, generated);

        var committed = File.Exists(ContractDocument.ClientFile) ? (await File.ReadAllTextAsync(ContractDocument.ClientFile)).ReplaceLineEndings("\n") : "";
        (committed == generated).ShouldBeTrue(
            "The OpenAPI document changed since Contract/Client/ProgramTrackerClient.cs was generated. If the change is meant, "
            + "regenerate it with PROGRAMTRACKER_WRITE_CLIENT=1 and this test, and review the diff as a contract change.");
    }
}
