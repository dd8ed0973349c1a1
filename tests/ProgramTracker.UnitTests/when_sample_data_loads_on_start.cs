using Microsoft.Extensions.Configuration;
using ProgramTracker.Api.SampleData;

namespace ProgramTracker.UnitTests;

public class when_sample_data_loads_on_start
{
    private static bool Enabled(params (string Key, string Value)[] settings) =>
        LoadSampleDataOnStart.Enabled(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void it_loads_by_default_with_the_embedded_database() =>
        Enabled(("ProgramTracker:EmbeddedDatabase", "true")).ShouldBeTrue();

    [Fact]
    public void it_does_not_load_by_default_with_a_configured_database() =>
        Enabled().ShouldBeFalse();

    [Fact]
    public void the_setting_wins_over_the_default_either_way()
    {
        Enabled(("ProgramTracker:EmbeddedDatabase", "true"), (LoadSampleDataOnStart.Setting, "false")).ShouldBeFalse();
        Enabled((LoadSampleDataOnStart.Setting, "true")).ShouldBeTrue();
    }
}
