using System.Net;
using System.Net.Http.Json;
using ProgramTracker.IntegrationTests.Workstreams;

namespace ProgramTracker.IntegrationTests.Money;

/// <summary>An agreement reporting in USD, funded by one of its parties and a partner, with VND and LAK rates; one workstream.</summary>
public static class MoneyWrites
{
    public static async Task<(Guid Agreement, Guid Workstream)> FundedWorkstream(this HttpClient admin)
    {
        var agreementId = await admin.RegisteredAgreement();
        var workstreamId = await admin.OpenedWorkstream(agreementId);
        (await admin.PutAsJsonAsync($"/api/agreements/{agreementId}/money/reporting-currency", new { currency = "USD" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostJson($"/api/agreements/{agreementId}/money/sources", new { name = new { en = "Ministry of Home Affairs (Viet Nam)" }, partyId = "vn-moha" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostJson($"/api/agreements/{agreementId}/money/sources", new { name = new { en = "Asian Development Bank" }, sourceId = "adb" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostJson($"/api/agreements/{agreementId}/money/rates", new { currency = "VND", rate = 0.00004m, effectiveOn = "2024-01-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostJson($"/api/agreements/{agreementId}/money/rates", new { currency = "LAK", rate = 0.0000478m, effectiveOn = "2024-01-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return (agreementId, workstreamId);
    }

    public static Task<HttpResponseMessage> PutJson(this HttpClient http, string url, object body) => http.PutAsJsonAsync(url, body);
}
