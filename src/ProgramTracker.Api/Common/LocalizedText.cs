using System.Text.Json.Serialization;

namespace ProgramTracker.Api.Common;

/// <summary>
/// A name or title in the four languages ProgramTracker serves. Any may be missing; readers fall back to
/// another language and say so.
/// </summary>
public sealed record LocalizedText(string? En = null, string? Vi = null, string? Lo = null, string? Th = null)
{
    public static readonly string[] Languages = ["en", "vi", "lo", "th"];

    // Read as a new object with its members set, not through the constructor: for a constructor System.Text.Json gathers
    // the arguments first, in objects of its own (an ArgumentState and an Arguments for every text read), and every
    // title and name of every document a page reads is one (README, Performance, thirteenth round). All four members
    // are optional either way, so the same JSON reads the same, in the store and in a request body.
    [JsonConstructor]
    private LocalizedText() : this(null, null, null, null) { }

    [JsonIgnore]
    public string? this[string language] => language switch
    {
        "en" => En,
        "vi" => Vi,
        "lo" => Lo,
        "th" => Th,
        _ => null,
    };

    [JsonIgnore]
    public bool IsEmpty => Languages.All(l => string.IsNullOrWhiteSpace(this[l]));

    /// <summary>The text in <paramref name="language"/>, or the first available one, with the language it is in.</summary>
    public (string Text, string Language) In(string language, params string[] fallbacks)
    {
        // Loops, not LINQ: the pages ask this for every title they show.
        if (Usable(language) is { } text) return (text, language);
        foreach (var lang in fallbacks)
            if (Usable(lang) is { } fallback) return (fallback, lang);
        foreach (var lang in Languages)
            if (Usable(lang) is { } other) return (other, lang);
        return ("", language);
    }

    private string? Usable(string language) => this[language] is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    public IEnumerable<(string Language, string Text)> Present() =>
        Languages.Where(l => !string.IsNullOrWhiteSpace(this[l])).Select(l => (l, this[l]!));

    public override string ToString() => In("en").Text;
}
