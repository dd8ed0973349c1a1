using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ProgramTracker.Api.Common;

namespace ProgramTracker.Api.Hosting;

/// <summary>
/// Characters no text in ProgramTracker may hold, refused at the door for every query parameter, path, JSON body
/// and Idempotency-Key, so that no endpoint has to remember: NUL (PostgreSQL's text and jsonb cannot store it, and
/// it used to surface as a 500), the other C0 controls, DEL and the C1 controls, and UTF-16 surrogates that are not
/// paired. Text in a JSON body may hold tab, line feed and carriage return (narratives have lines); a query
/// parameter, a path and a key may not. Everything else, U+2028 and U+2029 included, is ordinary text.
/// The same pass refuses a JSON object that names a member twice: the serializer would keep the last one
/// silently, so a reviewer and the server could read one request two ways.
/// </summary>
public static class TextInput
{
    public const int MaxIdempotencyKeyLength = 200;

    public static WebApplication UseTextInputRules(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if ((RefusalOfLine(http.Request) ?? await RefusalOfBodyAsync(http.Request)) is { } refused)
            {
                await WriteAsync(http, refused);
                return;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>The path, query string and headers that carry text: the first broken rule, or null.</summary>
    private static Refusal? RefusalOfLine(HttpRequest request)
    {
        if (Find(request.Path.Value, allowLineBreaks: false) is { } inPath) return Broken("path", inPath);
        foreach (var (name, values) in request.Query)
        {
            if (Find(name, allowLineBreaks: false) is { } inName) return Broken("query", inName);
            foreach (var value in values)
            {
                if (Find(value, allowLineBreaks: false) is { } inValue) return Broken(name, inValue);
            }
        }

        var key = request.Headers[EventStreamWrites.IdempotencyKeyHeader].ToString();
        if (key.Length > MaxIdempotencyKeyLength)
            return Refusal.Invalid(EventStreamWrites.IdempotencyKeyHeader, "max-length",
                $"'{EventStreamWrites.IdempotencyKeyHeader}' must be at most {MaxIdempotencyKeyLength} characters; a longer key would not be told apart from another.");
        if (Find(key, allowLineBreaks: false) is { } inKey) return Broken(EventStreamWrites.IdempotencyKeyHeader, inKey);
        return null;
    }

    /// <summary>
    /// A JSON body to the API (its content type already checked), read whole from the buffer: the first member
    /// whose name or text breaks a rule, or that repeats a name. A body that is not well-formed JSON is left to
    /// the serializer, which says where.
    /// </summary>
    private static async Task<Refusal?> RefusalOfBodyAsync(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments("/api") || request.ContentLength == 0 || !IsJson(request.ContentType)
            || !HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method))
            return null;

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        try
        {
            return Scan(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Refusal? Scan(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var frames = new Stack<Frame>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = frames.Count == 0 ? "" : frames.Peek().PathOfValue();
                    frames.TryPeek(out var parent);
                    parent?.ValueRead();
                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var frame = frames.Peek();
                    if (!TryGetString(ref reader, out var name)) return Unpaired(frame.PathOf("?"));
                    if (Find(name, allowLineBreaks: false) is { } inName) return Broken(frame.PathOf(Printable(name)), inName);
                    if (!frame.Names.Add(name))
                        return Refusal.Invalid(frame.PathOf(name), "duplicate-member", $"'{frame.PathOf(name)}' is given twice; send each member once.");
                    frame.Property = name;
                    break;
                case JsonTokenType.String:
                    var at = frames.Count == 0 ? "" : frames.Peek().PathOfValue();
                    if (!TryGetString(ref reader, out var text)) return Unpaired(at);
                    if (Find(text, allowLineBreaks: true) is { } inText) return Broken(at, inText);
                    if (frames.Count > 0) frames.Peek().ValueRead();
                    break;
                default:
                    if (frames.Count > 0) frames.Peek().ValueRead();
                    break;
            }
        }
        return null;
    }

    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) cannot be turned into a string.
            value = "";
            return false;
        }
    }

    /// <summary>The first character of <paramref name="text"/> no text may hold, or null.</summary>
    public static Offence? Find(string? text, bool allowLineBreaks)
    {
        if (string.IsNullOrEmpty(text)) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return new Offence(c, "unpaired-surrogate");
            if (allowLineBreaks && c is '\t' or '\n' or '\r') continue;
            if (c < 0x20 || c is >= '\u007F' and <= '\u009F') return new Offence(c, c == '\0' ? "nul-character" : "control-character");
        }
        return null;
    }

    private static Refusal Broken(string field, Offence offence) => Refusal.Invalid(field, offence.Rule, offence.Rule switch
    {
        "nul-character" => $"'{field}' holds a NUL character (U+0000), which no text may hold.",
        "unpaired-surrogate" => $"'{field}' holds half of a UTF-16 surrogate pair (U+{(int)offence.Character:X4}), which is not a character.",
        _ => $"'{field}' holds the control character U+{(int)offence.Character:X4}, which text may not hold here.",
    });

    private static Refusal Unpaired(string field) =>
        Refusal.Invalid(field, "unpaired-surrogate", $"'{field}' holds half of a UTF-16 surrogate pair, which is not a character.");

    private static string Printable(string name) =>
        new(name.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).ToArray());

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static Task WriteAsync(HttpContext http, Refusal refusal)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
            Detail = refusal.Message,
            Type = $"urn:programtracker:problem:{refusal.Rule}",
            Extensions = { ["rule"] = refusal.Rule, ["field"] = refusal.Field, ["rules"] = new[] { $"{refusal.Field}:{refusal.Rule}" } },
        };
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }

    public sealed record Offence(char Character, string Rule);

    /// <summary>Where the reader is: an object (its member names so far) or an array (the index of its next item).</summary>
    private sealed class Frame(string path, bool isArray)
    {
        private int _index;

        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
        public string? Property { get; set; }

        public string PathOf(string member) => path.Length == 0 ? member : $"{path}.{member}";

        public string PathOfValue() => isArray ? $"{path}[{_index}]" : PathOf(Property ?? "");

        public void ValueRead()
        {
            if (isArray) _index++;
        }
    }
}
