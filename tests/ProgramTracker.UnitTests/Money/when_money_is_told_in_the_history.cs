using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Money;
using static ProgramTracker.UnitTests.Money.Funded;

namespace ProgramTracker.UnitTests.Money;

public class when_money_is_told_in_the_history
{
    private static readonly Dictionary<Guid, LocalizedText> NoNames = [];

    [Fact]
    public void an_expenditure_says_its_amount_currency_and_date() =>
        EventSummaries.Describe(Spent(1250.5m, new DateOnly(2024, 2, 1)), NoNames).ShouldBe("Expenditure of 1250.5 USD recorded, dated 2024-02-01.");

    [Fact]
    public void a_rate_keeps_all_its_decimals() =>
        EventSummaries.Describe(Rate("VND", 0.0000394m, new DateOnly(2024, 1, 1)), NoNames).ShouldBe("Exchange rate set: 1 VND = 0.0000394 USD from 2024-01-01.");

    [Fact]
    public void a_revision_gives_its_reason()
    {
        var revised = new BudgetRevised(Given.WorkstreamId, Given.AgreementId, "USD", [new BudgetLine(2024, "adb", 10m)], "Cooling added", new DateOnly(2024, 3, 1));
        EventSummaries.Describe(revised, NoNames).ShouldBe("Budget revised to 10 USD.");
        EventSummaries.ReasonOf(revised).ShouldBe("Cooling added");
    }
}
