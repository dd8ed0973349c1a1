using System.Text.Json.Nodes;
using ProgramTracker.IntegrationTests.Contract;

namespace ProgramTracker.IntegrationTests.Money;

public class when_the_money_contract_is_read(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task amounts_are_exact_decimal_numbers_and_every_money_operation_is_tagged_money()
    {
        using var anonymous = App.CreateAnonymousClient();
        var document = await ContractDocument.ReadAsync(anonymous);
        var schemas = document["components"]!["schemas"]!;

        foreach (var (schema, property) in new[] { ("WorkstreamMoneyView", "spent"), ("MoneyEntryView", "rate"), ("RecordMoney", "amount"), ("BudgetLine", "amount") })
        {
            var described = schemas[schema]!["properties"]![property]!;
            described["format"]!.GetValue<string>().ShouldBe("decimal", $"{schema}.{property}");
            described.ToJsonString().ShouldContain("number");
        }

        var money = ContractDocument.ApiOperations(document).Where(o => o.Path.Contains("/money")).ToList();
        money.Select(o => o.Operation["operationId"]!.GetValue<string>()).ShouldBe(
            ["setReportingCurrency", "addFundingSource", "setExchangeRate", "setBudget", "recordCommitment", "recordDisbursement", "recordExpenditure",
                "getWorkstreamMoney", "getAgreementMoney"], ignoreOrder: true);
        money.ShouldAllBe(o => o.Operation["tags"]![0]!.GetValue<string>() == "Money");
    }
}
