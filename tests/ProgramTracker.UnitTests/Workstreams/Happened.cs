using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests.Workstreams;

/// <summary>Workstream events as they happen in the tests' history, and checks on what a command decided.</summary>
public static class Happened
{
    public static readonly Guid MilestoneId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000b1");
    public static readonly Guid IndicatorId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000c1");
    public static readonly DateOnly Today = new(2024, 6, 30);
    public static readonly DateOnly Due = new(2024, 9, 30);

    private static Guid W => Given.WorkstreamId;
    private static Guid A => Given.AgreementId;

    public static MilestonePlanned Planned(DateOnly? due = null) => Given.Planned(MilestoneId, due ?? Due);
    public static MilestoneStarted Started(DateOnly on) => new(W, A, MilestoneId, on);
    public static MilestoneProgressReported Reported(int percent, DateOnly on) => new(W, A, MilestoneId, percent, "Going well", null, on);
    public static MilestoneCompleted Completed(DateOnly on) => new(W, A, MilestoneId, on, null, null);
    public static MilestoneRescheduled Rescheduled(DateOnly from, DateOnly to) => new(W, A, MilestoneId, from, to, "Visas delayed");
    public static MilestoneBlocked Blocked(DateOnly on) => new(W, A, MilestoneId, "Waiting for the budget", on);
    public static MilestoneUnblocked Unblocked(DateOnly on) => new(W, A, MilestoneId, "Budget approved", on);
    public static MilestoneCancelled Cancelled(DateOnly on) => new(W, A, MilestoneId, "Dropped by the committee", on);

    public static IndicatorDefined IndicatorDefined(IndicatorPeriod period = IndicatorPeriod.Annual, string en = "Lao officials trained per year") =>
        new(W, A, IndicatorId, new LocalizedText(En: en), "officials", 0, 20, null, period, false);

    public static StatusAssessed Assessed(Rag rating, DateOnly on) => new(W, A, rating, "Because", "someone", null, on);

    public static ProjectOfficerAssigned OfficerAssigned(string personId, string name = "Souksavanh") => new(W, A, personId, name);

    /// <summary>The single event a command decided, of the expected type.</summary>
    public static T ShouldDecide<T>(this Decision decision)
    {
        decision.Refusal.ShouldBeNull();
        return decision.Events.ShouldHaveSingleItem().ShouldBeOfType<T>();
    }

    /// <summary>The refusal, checked for kind, field and rule; a refused command decides no events.</summary>
    public static Refusal ShouldRefuse(this Decision decision, RefusalKind kind, string field, string rule)
    {
        decision.Events.ShouldBeEmpty();
        var refusal = decision.Refusal.ShouldNotBeNull();
        refusal.Kind.ShouldBe(kind);
        refusal.Field.ShouldBe(field);
        refusal.Rule.ShouldBe(rule);
        refusal.Message.ShouldNotBeNullOrWhiteSpace();
        return refusal;
    }

    /// <summary>Asserts a Validate answer of 400 naming <paramref name="field"/> with <paramref name="rule"/>.</summary>
    public static void ShouldName(this ProblemDetails problem, string field, string rule)
    {
        var validation = problem.ShouldBeOfType<ValidationProblemDetails>();
        validation.Status.ShouldBe(400);
        validation.Errors.Keys.ShouldContain(field);
        ((string[])validation.Extensions["rules"]!).ShouldContain($"{field}:{rule}");
    }

    public static void ShouldPass(this ProblemDetails problem) =>
        problem.ShouldBeSameAs(Wolverine.Http.WolverineContinue.NoProblems, (problem as ValidationProblemDetails)?.Detail);
}
