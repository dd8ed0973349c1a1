using ProgramTracker.Api.Common;
using ProgramTracker.Api.Workstreams;
using ProgramTracker.Api.Workstreams.Indicators;
using static ProgramTracker.UnitTests.Workstreams.Happened;

namespace ProgramTracker.UnitTests.Workstreams;

public class when_an_indicator_is_defined_and_measured
{
    private static readonly DefineIndicator OfficialsTrained =
        new(new LocalizedText(En: "Lao officials trained per year"), " officials ", 20, IndicatorPeriod.Annual, Baseline: 0);

    private static Decision Measure(RecordMeasurement command, IndicatorPeriod period = IndicatorPeriod.Annual) =>
        RecordMeasurement.Decide(command, Given.Workstream(IndicatorDefined(period)), IndicatorId, Today);

    [Fact]
    public void an_indicator_is_defined_with_its_target()
    {
        var defined = DefineIndicator.Decide(OfficialsTrained, Given.Workstream(), IndicatorId).ShouldDecide<IndicatorDefined>();

        defined.IndicatorId.ShouldBe(IndicatorId);
        defined.Unit.ShouldBe("officials");
        defined.TargetLow.ShouldBe(20);
        defined.TargetHigh.ShouldBeNull();
        defined.Period.ShouldBe(IndicatorPeriod.Annual);
        Given.Workstream(defined).FindIndicator(IndicatorId).ShouldNotBeNull().Baseline.ShouldBe(0);
    }

    [Fact]
    public void the_same_indicator_id_twice_is_a_conflict() =>
        DefineIndicator.Decide(OfficialsTrained with { Name = new LocalizedText(En: "Other") }, Given.Workstream(IndicatorDefined()), IndicatorId)
            .ShouldRefuse(RefusalKind.Conflict, "indicatorId", "indicator-exists");

    [Fact]
    public void the_same_name_twice_in_one_workstream_is_a_conflict() =>
        DefineIndicator.Decide(OfficialsTrained with { Name = new LocalizedText(En: "LAO OFFICIALS TRAINED PER YEAR ") },
                Given.Workstream(IndicatorDefined()), Guid.NewGuid())
            .ShouldRefuse(RefusalKind.Conflict, "name", "name-taken");

    [Fact]
    public void a_range_target_must_not_be_upside_down()
    {
        DefineIndicatorEndpoint.Validate(OfficialsTrained with { TargetLow = 3, TargetHigh = 2 }).ShouldName("targetHigh", "target-order");
        DefineIndicatorEndpoint.Validate(OfficialsTrained with { TargetLow = 2, TargetHigh = 3 }).ShouldPass();
        DefineIndicatorEndpoint.Validate(OfficialsTrained with { TargetLow = 2, TargetHigh = 2 }).ShouldPass();
    }

    [Fact]
    public void a_name_is_required() =>
        DefineIndicatorEndpoint.Validate(OfficialsTrained with { Name = new LocalizedText(En: " ") }).ShouldName("name", "required");

    [Fact]
    public void a_unit_is_required() =>
        DefineIndicatorEndpoint.Validate(OfficialsTrained with { Unit = "" }).ShouldName("unit", "required");

    [Fact]
    public void an_oversized_unit_is_refused() =>
        DefineIndicatorEndpoint.Validate(OfficialsTrained with { Unit = new string('u', 41) }).ShouldName("unit", "max-length");

    [Fact]
    public void a_period_outside_the_list_is_refused() =>
        DefineIndicatorEndpoint.Validate(OfficialsTrained with { Period = (IndicatorPeriod)42 }).ShouldName("period", "period-unknown");

    [Fact]
    public void a_measurement_is_recorded_and_becomes_the_latest()
    {
        var measured = Measure(new RecordMeasurement(22, " 2024 ", new DateOnly(2024, 6, 20), "Two classes", "https://example.org/list.pdf"))
            .ShouldDecide<IndicatorMeasured>();

        measured.Value.ShouldBe(22);
        measured.Period.ShouldBe("2024");
        var indicator = Given.Workstream(IndicatorDefined(), measured).FindIndicator(IndicatorId)!;
        indicator.Latest.ShouldNotBeNull().Value.ShouldBe(22);
        indicator.TargetMet.ShouldBe(true);
    }

    [Fact]
    public void a_measurement_for_an_unknown_indicator_is_not_found_and_names_it()
    {
        var unknown = Guid.NewGuid();
        var refusal = RecordMeasurement.Decide(new RecordMeasurement(1, "2024", Today), Given.Workstream(IndicatorDefined()), unknown, Today)
            .ShouldRefuse(RefusalKind.NotFound, "indicatorId", "not-found");

        refusal.Message.ShouldContain(unknown.ToString());
    }

    [Fact]
    public void a_measurement_in_the_future_is_refused() =>
        Measure(new RecordMeasurement(1, "2024", Today.AddDays(1))).ShouldRefuse(RefusalKind.Invalid, "measuredOn", "future-date");

    [Theory]
    [InlineData(IndicatorPeriod.Annual, "2024", true)]
    [InlineData(IndicatorPeriod.Annual, "2024-Q1", false)]
    [InlineData(IndicatorPeriod.Annual, "FY24", false)]
    [InlineData(IndicatorPeriod.Quarterly, "2024-Q3", true)]
    [InlineData(IndicatorPeriod.Quarterly, "2024-Q5", false)]
    [InlineData(IndicatorPeriod.Monthly, "2024-06", true)]
    [InlineData(IndicatorPeriod.Monthly, "2024-13", false)]
    [InlineData(IndicatorPeriod.Once, "At the 60th anniversary", true)]
    [InlineData(IndicatorPeriod.Cumulative, "to date", true)]
    public void the_period_is_named_the_way_the_indicator_is_measured(IndicatorPeriod period, string label, bool accepted)
    {
        var decision = Measure(new RecordMeasurement(1, label, Today), period);

        if (accepted) decision.ShouldDecide<IndicatorMeasured>();
        else decision.ShouldRefuse(RefusalKind.Invalid, "period", "period-format");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void a_period_is_required(string period) =>
        RecordMeasurementEndpoint.Validate(new RecordMeasurement(1, period, Today)).ShouldName("period", "required");

    [Fact]
    public void evidence_must_be_a_web_link() =>
        RecordMeasurementEndpoint.Validate(new RecordMeasurement(1, "2024", Today, EvidenceUrl: "somewhere")).ShouldName("evidenceUrl", "url");

    [Fact]
    public void an_oversized_note_is_refused() =>
        RecordMeasurementEndpoint.Validate(new RecordMeasurement(1, "2024", Today, new string('n', 4001))).ShouldName("note", "max-length");

    [Fact]
    public void a_measurement_date_must_be_real() =>
        RecordMeasurementEndpoint.Validate(new RecordMeasurement(1, "2024", new DateOnly(1, 1, 1))).ShouldName("measuredOn", "range");
}
