using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.Api.Agreements.ReviewPacks;

/// <summary>
/// JSON written one way only, after RFC 8785 (JCS): object members sorted by their names' UTF-16 code units, no
/// whitespace, strings escaped only where JSON requires it, numbers in their shortest invariant form (no exponent for
/// what a decimal holds, no trailing zeros, no "-0"). Two documents with the same content give the same bytes, and so
/// the same SHA-256, whatever order their members were written in.
/// </summary>
public static class CanonicalJson
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    public static string Write(string json) => Write(JsonNode.Parse(json));

    public static byte[] Utf8(JsonNode? node) => Encoding.UTF8.GetBytes(Write(node));

    /// <summary>The SHA-256 of the canonical form, as 64 lowercase hex digits.</summary>
    public static string Sha256(JsonNode? node) => Convert.ToHexStringLower(SHA256.HashData(Utf8(node)));

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject o:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) text.Append(',');
                    first = false;
                    String(name, text);
                    text.Append(':');
                    Write(value, text);
                }
                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(a[i], text);
                }
                text.Append(']');
                break;
            case JsonValue v:
                Value(v, text);
                break;
        }
    }

    private static void Value(JsonValue value, StringBuilder text)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                String(value.GetValue<string>(), text);
                break;
            case JsonValueKind.Number:
                text.Append(Number(value.ToJsonString()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>A number's one spelling: what a decimal holds exactly is written without exponent or trailing zeros; the rest as the shortest round-trip double.</summary>
    public static string Number(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var check) && Math.Abs(check) < 1e28)
        {
            if (d == 0m) return "0";
            return d.ToString("0.############################", CultureInfo.InvariantCulture);
        }
        var x = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsNaN(x) || double.IsInfinity(x)) throw new FormatException($"{raw} is not a JSON number.");
        return x.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+").Replace("E-", "e-");
    }

    private static void String(string s, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
