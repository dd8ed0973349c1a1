using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Web;
using ProgramTracker.Api.Web.Forms;
using ProgramTracker.Api.Web.Resources;

namespace ProgramTracker.UnitTests.Web;

public class when_the_pages_read_their_strings
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    [Theory]
    [InlineData("en"), InlineData("vi"), InlineData("lo"), InlineData("th")]
    public void every_string_reads_as_the_resources_give_it_in_each_language_and_again_from_the_cache(string language)
    {
        var resources = Factory.Create(typeof(Strings));
        var cached = new CachedStrings(Factory);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(language);
            var names = resources.GetAllStrings(includeParentCultures: true).Select(s => s.Name).ToList();
            Assert.True(names.Count > 500, $"only {names.Count} strings");
            foreach (var name in names)
            {
                Assert.Equal(resources[name].Value, cached[name].Value);
                Assert.Equal(resources[name].Value, cached[name].Value);
            }
            Assert.Equal(resources["Milestones_Done", 3, 1200].Value, cached["Milestones_Done", 3, 1200].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void a_language_switch_reads_the_other_language_not_the_cached_one()
    {
        var cached = new CachedStrings(Factory);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = cached["SkipToContent"].Value;
            CultureInfo.CurrentUICulture = new CultureInfo("vi");
            Assert.NotEqual(english, cached["SkipToContent"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void a_missing_string_is_its_name_as_the_resources_say_each_time()
    {
        var cached = new CachedStrings(Factory);
        var missing = cached["No_such_string_here"];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No_such_string_here", missing.Value);
        Assert.True(cached["No_such_string_here"].ResourceNotFound);
        Assert.Equal("No_such_string_here", cached["No_such_string_here", 1].Value);
    }

    [Theory]
    [InlineData("parties[0]", 1), InlineData("reviewers[11]", 12), InlineData("principals[__principal__]", 0),
     InlineData("parties[]", 0), InlineData("parties", 0), InlineData("parties[1]x", 0), InlineData("parties[-1]", 0), InlineData("parties[99999999999]", 0)]
    public void a_repeater_item_is_numbered_from_its_path(string path, int number) => Assert.Equal(number, FormIds.ItemNumber(path));

    [Theory]
    [InlineData("vi", "vi", "Tiêu đề", "vi"), InlineData("lo", "en", "Title", "en"), InlineData("th", "en", "Title", "en")]
    public void a_title_is_read_in_the_language_asked_or_the_fallbacks(string language, string fallback, string text, string inLanguage)
    {
        var title = new LocalizedText(En: "Title", Vi: "Tiêu đề", Lo: " ");
        Assert.Equal((text, inLanguage), title.In(language, fallback));
    }

    [Fact]
    public void a_title_with_none_of_the_asked_languages_is_read_in_the_first_it_has() =>
        Assert.Equal(("ໄທ", "lo"), new LocalizedText(Lo: "ໄທ", Th: "ไทย").In("vi", "en"));
}
