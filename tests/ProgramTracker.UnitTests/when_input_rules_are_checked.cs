using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Money;
using ProgramTracker.Api.Workstreams;
using Wolverine.Http;

namespace ProgramTracker.UnitTests;

/// <summary>
/// <see cref="InputRules"/> writes a rule's message only when the rule is broken (Common/InputRules.cs,
/// <see cref="MessageWhenBroken"/>): a kept rule costs no string, and a broken one still names its field, its rule
/// and the values in its message, exactly as before.
/// </summary>
public class when_input_rules_are_checked
{
    private static ValidationProblemDetails Problem(InputRules rules) => rules.ToProblem().ShouldBeOfType<ValidationProblemDetails>();

    private static string[] Rules(ProblemDetails problem) => problem.Extensions["rules"].ShouldBeOfType<string[]>();

    [Fact]
    public void a_kept_rule_does_not_evaluate_its_message()
    {
        var evaluated = 0;
        string Count() { evaluated++; return "x"; }

        var rules = new InputRules().Must(true, "percent", "range", $"'{Count()}' is {Count()}.");

        evaluated.ShouldBe(0);
        rules.Valid.ShouldBeTrue();
        rules.ToProblem().ShouldBeSameAs(WolverineContinue.NoProblems);
    }

    [Fact]
    public void a_broken_rule_formats_its_message_with_every_hole()
    {
        var evaluated = 0;
        string Count() { evaluated++; return "budget"; }

        var problem = Problem(new InputRules().Must(false, "lines", "max-items", $"A {Count()} has at most {25:N0} lines."));

        evaluated.ShouldBe(1);
        problem.Errors["lines"].ShouldBe(["A budget has at most 25 lines."]);
        Rules(problem).ShouldBe(["lines:max-items"]);
        problem.Status.ShouldBe(400);
    }

    [Fact]
    public void a_plain_message_is_kept_as_written()
    {
        var problem = Problem(new InputRules().Must(false, "end", "period-order", "The workstream must end after it starts."));

        problem.Errors["end"].ShouldBe(["The workstream must end after it starts."]);
    }

    [Fact]
    public void the_shared_rules_name_the_field_the_rule_and_the_bounds_when_broken()
    {
        var problem = Problem(new InputRules()
            .Range("percent", 120, 0, 100)
            .Required("narrative", " ", InputRules.LongText)
            .MaxLength("title", new string('a', 201))
            .Url("evidenceUrl", "ftp://example.org/file")
            .NotEmpty("milestoneId", Guid.Empty)
            .Date("reportedOn", new DateOnly(1, 1, 1))
            .Amount("amount", -1, "USD"));

        problem.Errors["percent"].ShouldBe(["'percent' must be between 0 and 100."]);
        problem.Errors["narrative"].ShouldBe(["'narrative' is required."]);
        problem.Errors["title"].ShouldBe(["'title' must be at most 200 characters."]);
        problem.Errors["evidenceUrl"].ShouldBe(["'evidenceUrl' must be an absolute http(s) link."]);
        problem.Errors["milestoneId"].ShouldBe(["'milestoneId' is required."]);
        problem.Errors["reportedOn"].ShouldBe(["'reportedOn' must be a real date between 1990 and 2200."]);
        problem.Errors["amount"].ShouldBe(["'amount' cannot be negative."]);
        Rules(problem).ShouldBe([
            "percent:range", "narrative:required", "title:max-length", "evidenceUrl:url", "milestoneId:required",
            "reportedOn:range", "amount:negative",
        ]);
    }

    [Fact]
    public void the_shared_rules_keep_valid_input_without_a_problem()
    {
        var rules = new InputRules()
            .Range("percent", 40, 0, 100)
            .Required("narrative", "Racks installed in the second hall.", InputRules.LongText)
            .Url("evidenceUrl", "https://example.org/report.pdf")
            .Url("photoUrl", null)
            .NotEmpty("milestoneId", Guid.NewGuid())
            .Date("reportedOn", new DateOnly(2026, 11, 30))
            .Text("title", new LocalizedText("Data centre", null, "ສູນຂໍ້ມູນ", null))
            .Amount("amount", 1250.50m, "USD");

        rules.Valid.ShouldBeTrue();
    }

    [Fact]
    public void a_localized_text_names_the_language_that_is_too_long()
    {
        var problem = Problem(new InputRules().Text("title", new LocalizedText("ok", null, new string('ກ', 201), null)));

        problem.Errors.Keys.ShouldBe(["title.lo"]);
        problem.Errors["title.lo"].ShouldBe(["'title.lo' must be at most 200 characters."]);
        Rules(problem).ShouldBe(["title.lo:max-length"]);
    }
}
