using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Api.Dashboards;

namespace ProgramTracker.IntegrationTests;

/// <summary>
/// A page and its partials ask the one read path for the same agreement more than once a request (the dashboard, its
/// money, its forms); the request's <see cref="Reads"/> answers the second ask from what it read, and the answer is
/// what a fresh read gives.
/// </summary>
public class when_a_request_reads_the_same_agreement_twice(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_second_ask_is_the_first_answer_and_a_new_request_reads_the_same()
    {
        var agreementId = await Http.RegisteredAgreement();
        var workstreamId = await Http.OpenedWorkstream(agreementId, "ONCE");
        await Http.PlannedMilestone(workstreamId);

        using var request = App.Services.CreateScope();
        var reads = request.ServiceProvider.GetRequiredService<Reads>();
        var first = (await reads.AgreementAsync(agreementId, null, CancellationToken.None)).ShouldNotBeNull();
        (await reads.AgreementAsync(agreementId, null, CancellationToken.None)).ShouldBeSameAs(first);
        (await reads.AgreementSnapshotAsync(agreementId, CancellationToken.None)).ShouldBeSameAs(first.Agreement);
        var workstream = (await reads.WorkstreamAsync(workstreamId, null, CancellationToken.None)).ShouldNotBeNull();
        first.View.Workstreams.ShouldHaveSingleItem().MilestonesTotal.ShouldBe(1);
        workstream.Workstream.Id.ShouldBe(workstreamId);
        var money = await reads.AgreementMoneyAsync(agreementId, null, CancellationToken.None);

        using var next = App.Services.CreateScope();
        var fresh = next.ServiceProvider.GetRequiredService<Reads>();
        var again = (await fresh.AgreementAsync(agreementId, null, CancellationToken.None)).ShouldNotBeNull();
        again.ShouldNotBeSameAs(first);
        JsonSerializer.Serialize(again.View).ShouldBe(JsonSerializer.Serialize(first.View));
        again.Version.ShouldBe(first.Version);
        JsonSerializer.Serialize(await fresh.AgreementMoneyAsync(agreementId, null, CancellationToken.None)).ShouldBe(JsonSerializer.Serialize(money));
        JsonSerializer.Serialize((await fresh.WorkstreamAsync(workstreamId, null, CancellationToken.None))!.View)
            .ShouldBe(JsonSerializer.Serialize(workstream.View));
    }

    [Fact]
    public async Task an_agreement_that_is_not_there_stays_not_there_within_the_request()
    {
        using var request = App.Services.CreateScope();
        var reads = request.ServiceProvider.GetRequiredService<Reads>();
        var missing = Guid.NewGuid();
        (await reads.AgreementAsync(missing, null, CancellationToken.None)).ShouldBeNull();
        (await reads.AgreementSnapshotAsync(missing, CancellationToken.None)).ShouldBeNull();
        (await reads.AgreementMoneyAsync(missing, null, CancellationToken.None)).ShouldBeNull();
    }
}
