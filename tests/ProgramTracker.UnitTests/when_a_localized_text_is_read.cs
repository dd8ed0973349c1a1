using System.Text.Json;
using System.Text.Json.Serialization;
using ProgramTracker.Api.Common;
using ProgramTracker.Api.Hosting;

namespace ProgramTracker.UnitTests;

/// <summary>
/// A <see cref="LocalizedText"/> is read with its members set, not through its constructor (Common/LocalizedText.cs):
/// the same JSON must read the same, as the store writes it (names as declared, nulls left out) and as a request body
/// brings it (camel case, strict), and it must write as before.
/// </summary>
public class when_a_localized_text_is_read
{
    private static readonly JsonSerializerOptions Store = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly JsonSerializerOptions Api = Strict();

    private static JsonSerializerOptions Strict()
    {
        var options = new JsonSerializerOptions();
        WolverineSetup.Configure(options);
        return options;
    }

    [Theory]
    [InlineData("""{"En":"Data centre","Lo":"ສູນຂໍ້ມູນ"}""", "Data centre", null, "ສູນຂໍ້ມູນ", null)]
    [InlineData("""{"En":"A","Vi":"B","Lo":"C","Th":"D"}""", "A", "B", "C", "D")]
    [InlineData("""{"Th":"ศูนย์ข้อมูล","En":null}""", null, null, null, "ศูนย์ข้อมูล")]
    [InlineData("{}", null, null, null, null)]
    public void the_stored_json_reads_as_the_constructor_would_build_it(string json, string? en, string? vi, string? lo, string? th)
    {
        JsonSerializer.Deserialize<LocalizedText>(json, Store).ShouldBe(new LocalizedText(en, vi, lo, th));
    }

    [Fact]
    public void it_writes_as_before_and_reads_back_equal()
    {
        var text = new LocalizedText("Digital administration", "Hành chính số", "ລະບົບບໍລິຫານດິຈິຕອນ", null);
        var stored = JsonSerializer.Serialize(text, Store);
        stored.ShouldBe(JsonSerializer.Serialize(new { En = text.En, Vi = text.Vi, Lo = text.Lo }, Store));
        JsonSerializer.Deserialize<LocalizedText>(stored, Store).ShouldBe(text);
        JsonSerializer.Deserialize<LocalizedText>(JsonSerializer.Serialize(text, Api), Api).ShouldBe(text);
    }

    [Fact]
    public void a_request_body_reads_in_camel_case_and_an_unknown_member_is_refused()
    {
        JsonSerializer.Deserialize<LocalizedText>("""{"en":"Staff capacity","vi":null}""", Api).ShouldBe(new LocalizedText("Staff capacity"));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<LocalizedText>("""{"en":"Staff capacity","fr":"x"}""", Api))
            .Message.ShouldContain("fr");
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<LocalizedText>("""{"en":42}""", Api));
    }
}
