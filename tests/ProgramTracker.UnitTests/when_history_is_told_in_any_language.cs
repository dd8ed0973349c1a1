using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ProgramTracker.Api.Agreements;
using ProgramTracker.Api.Audit;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Web.Resources;
using ProgramTracker.Api.Workstreams;

namespace ProgramTracker.UnitTests;

public partial class when_history_is_told_in_any_language
{
    private static readonly Guid MilestoneId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000e1");
    private static readonly Guid IndicatorId = Guid.Parse("0195d3a0-0000-7000-8000-0000000000f1");
    private static readonly Guid Unknown = Guid.Parse("0195d3a0-0000-7000-8000-0000000000ff");
    private static readonly Guid A = Given.AgreementId;
    private static readonly Guid W = Given.WorkstreamId;
    private static readonly LocalizedText Title = new(En: "Officials trained", Vi: "Cán bộ được đào tạo", Lo: "ພະນັກງານໄດ້ຮັບການຝຶກອົບຮົມ");

    private static readonly Dictionary<Guid, LocalizedText> Names = new() { [MilestoneId] = Title, [IndicatorId] = new LocalizedText(En: "Officials trained") };

    public static TheoryData<object, string> EnglishAsTheApiGivesIt() => new()
    {
        { new AgreementStatusChanged(A, AgreementStatus.Signed, AgreementStatus.InForce, new PartialDate(2024, 3), "Ratified"),
            "Status changed from signed to in force, effective 2024-03." },
        { new AgreementStatusChanged(A, AgreementStatus.InForce, AgreementStatus.Expired, null, "Ended"), "Status changed from in force to expired." },
        { new AgreementAmended(A, "Adds archives", null, "Annual review", null), "Amended: Adds archives" },
        { new AgreementAmended(A, "Adds archives", new PartialDate(2024, 3, 12), "Annual review", null), "Amended: Adds archives (effective 2024-03-12)." },
        { new AgreementExtended(A, null, new PartialDate(2029), "Renewed"), "Validity extended from an open end to 2029." },
        { new AgreementExtended(A, new PartialDate(2026, 12, 31), new PartialDate(2028, 12, 31), "Renewed"), "Validity extended from 2026-12-31 to 2028-12-31." },
        { new MilestonePlanned(W, A, MilestoneId, Title, new DateOnly(2024, 6, 30), 2.5m, false),
            "Milestone 'Officials trained' planned, due 2024-06-30, weight 2.5." },
        { new MilestoneProgressReported(W, A, MilestoneId, 40, "Curriculum drafted", null, new DateOnly(2024, 1, 17)),
            "Milestone 'Officials trained' reported at 40% on 2024-01-17: Curriculum drafted" },
        { new MilestoneBlocked(W, A, MilestoneId, "No venue", new DateOnly(2024, 2, 1)), "Milestone 'Officials trained' blocked on 2024-02-01." },
        { new MilestoneStarted(W, A, Unknown, new DateOnly(2024, 2, 1)), $"Milestone {Unknown} started on 2024-02-01." },
        { new IndicatorDefined(W, A, IndicatorId, new LocalizedText(En: "Officials trained"), "people", null, 20, 25, IndicatorPeriod.Annual, false),
            "Indicator 'Officials trained' defined: target 20–25 people, annual." },
        { new IndicatorMeasured(W, A, IndicatorId, 12.5m, "2024", new DateOnly(2024, 12, 31), null, null),
            "Indicator 'Officials trained' measured at 12.5 for 2024 on 2024-12-31." },
        { new StatusAssessed(W, A, Rag.Amber, "Slipped", "Ms Vongsa", null, new DateOnly(2024, 1, 19)), "Rated amber by Ms Vongsa on 2024-01-19." },
        { new WorkstreamAdded(A, W, "TRAIN"), "Workstream TRAIN added." },
    };

    [Theory]
    [MemberData(nameof(EnglishAsTheApiGivesIt))]
    public void the_api_english_reads_as_before(object data, string english) =>
        EventSummaries.Describe(data, Names).ShouldBe(english);

    [Fact]
    public void a_summary_keeps_titles_in_every_language_and_dates_as_dates_for_the_pages_to_word()
    {
        var summary = EventSummaries.Summarize(new MilestoneRescheduled(W, A, MilestoneId, new DateOnly(2024, 6, 30), new DateOnly(2024, 9, 30), "Late"), Names);

        summary.Key.ShouldBe("MilestoneRescheduled");
        summary.Values.ShouldBe([new NamedThing(MilestoneId, Title), new DateOnly(2024, 6, 30), new DateOnly(2024, 9, 30)]);
        ((NamedThing)summary.Values[0]).Name!.Lo.ShouldBe("ພະນັກງານໄດ້ຮັບການຝຶກອົບຮົມ");
    }

    [Fact]
    public void an_event_no_pattern_knows_is_told_by_its_type_name()
    {
        var summary = EventSummaries.Summarize(new Amendment("x", null, "y", null), Names);

        summary.Key.ShouldBe("Other");
        EventSummaries.English(summary).ShouldBe(nameof(Amendment));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("vi")]
    [InlineData("lo")]
    [InlineData("th")]
    public void every_summary_has_a_sentence_in_each_language_with_the_same_values(string language)
    {
        var strings = new ResourceManager("ProgramTracker.Api.Web.Resources.Strings", typeof(Strings).Assembly);
        var set = strings.GetResourceSet(language == "en" ? CultureInfo.InvariantCulture : new CultureInfo(language), true, false)
                  ?? throw new InvalidOperationException($"No {language} strings.");

        foreach (var (key, english) in EventSummaries.EnglishPatterns)
        {
            var translated = set.GetString($"Event_{key}");
            translated.ShouldNotBeNullOrWhiteSpace($"Event_{key} has no {language} sentence");
            Placeholders(translated).ShouldBe(Placeholders(english), $"Event_{key} in {language}: {translated}");
        }
    }

    private static IEnumerable<string> Placeholders(string pattern) =>
        Placeholder().Matches(pattern).Select(m => m.Value).Order();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
