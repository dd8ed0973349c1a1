using System.Text;
using System.Text.Json.Nodes;

namespace ProgramTracker.FaultTests;

public sealed record MalformedRequest(string Kind, string Url, byte[] Body, string? ContentType)
{
    public override string ToString()
    {
        var body = Encoding.UTF8.GetString(Body);
        return $"{Kind}: POST {Url} [{ContentType ?? "no content type"}] {(body.Length > 300 ? body[..300] + "…" : body)}";
    }
}

/// <summary>The resources the fuzzer aims at: real ones, so requests reach the decision and not only routing.</summary>
public sealed record FuzzTargets(Guid Agreement, Guid Workstream, Guid Milestone);

/// <summary>
/// Seeded generator of requests to the write endpoints that are each wrong in at least one way the contract
/// refuses: a broken field (null, missing, wrong type, too long, bad date, out of range, invalid UTF-8 or
/// Unicode), an unknown member, a broken body, a wrong content type, or an id that names nothing. None may
/// be accepted, and none may be a 5xx.
/// </summary>
public sealed class MalformedRequests(int seed, FuzzTargets targets)
{
    private const string Hole = "@@FUZZ@@";
    private readonly Random _random = new(seed);

    private static readonly string[] WrongTypes = ["123", "true", "[]", "{}", "-0.5", "[1,2,3]"];
    private static readonly string[] BadDates =
    [
        "\"2023-02-30\"", "\"2023-13-01\"", "\"23-05-2023\"", "\"yesterday\"", "\"\"", "20230523", "\"1899\"", "\"2023-5-1\"",
        "true", "{}", "[]", "\"2023-00-10\"", "\"２０２３-０１-０１\"", "\"2023-01-01\\u0000\"", "\"\\ud800\"",
    ];
    private static readonly string[] BadDays =
    [
        "null", "\"2025-02-30\"", "\"2025-13-01\"", "\"30/06/2025\"", "\"\"", "\"tomorrow\"", "20250630", "true", "{}", "[]",
        "\"2025-06\"", "\"--06-30\"", "\"2025-06-31\"", "\"+2025-06-30\"", "\"\\udfff\"",
    ];

    private sealed record Field(string Path, string[] Invalid, bool Required = false);

    private sealed record Endpoint(string Name, Func<Guid, string> Url, Func<JsonObject> Template, Field[] Fields, Guid RealId);

    private Endpoint[] Endpoints =>
    [
        new("register-agreement", _ => "/api/agreements", AgreementTemplate,
        [
            new("code", [.. Strings(40, required: true), "\"a b\"", "\"é\"", "\"x/y\"", "\"😀\""], Required: true),
            new("title", Texts(500, required: true), Required: true),
            new("parties", Parties(), Required: true),
            new("parties[0].partyId", [.. Strings(40, required: true)], Required: true),
            new("parties[1].name", Texts(300, required: true), Required: true),
            new("parties[0].country", ["\"la\"", "\"LAO\"", "\"L\"", "\"\"", "12", "null", "\"ลา\"", "[]"], Required: true),
            new("parties[1].signatories", ["\"x\"", "12", "{}", "[{}]", "[{\"name\":{}}]", "[null]"]),
            new("signedOn", BadDates),
            new("signedAt", OptionalTexts(200)),
            new("validity", ["\"2023\"", "123", "[]", "{\"from\":\"2026-01-01\",\"to\":\"2023-01-01\"}", "{\"from\":\"bad\"}", "{\"fromm\":\"2023\"}"]),
            new("validity.to", BadDates),
            new("status", ["\"notAStatus\"", "3", "true", "null", "\"\"", "[]"]),
            new("sourceReference", [Long(2001), "12", "true", "[]", "{}"]),
            new("predecessorId", [.. BadGuids, $"\"{Guid.NewGuid()}\""]),
            new("agreementId", BadGuids),
        ], Guid.Empty),
        new("add-workstream", id => $"/api/agreements/{id}/workstreams", WorkstreamTemplate,
        [
            new("code", Strings(40, required: true), Required: true),
            new("title", Texts(500, required: true), Required: true),
            new("objective", OptionalTexts(4000)),
            new("leadPartyId", ["\"nobody\"", Long(41), "12", "true", "[]", "{}"]),
            new("start", BadDates),
            new("end", BadDates),
            new("workstreamId", BadGuids),
        ], targets.Agreement),
        new("plan-milestone", id => $"/api/workstreams/{id}/milestones", MilestoneTemplate,
        [
            new("title", Texts(500, required: true), Required: true),
            new("dueDate", [.. BadDays, "\"0001-01-01\"", "\"9999-12-31\"", "\"1989-12-31\"", "\"2200-01-01\"", "\"2040-01-01\""], Required: true),
            new("weight", ["null", "\"1\"", "true", "0", "-1", "1001", "1e30", "1e400", "0.01", "1e-400", "[]", "{}", "NaN", "\"Infinity\"",
                "123456789012345678901234567890123456789", "0x10", "1.", ".5", "01"]),
            new("milestoneId", BadGuids),
        ], targets.Workstream),
        new("complete-milestone", id => $"/api/workstreams/{targets.Workstream}/milestones/{id}/complete", CompleteTemplate,
        [
            new("completedOn", [.. BadDays, "\"2199-01-01\"", "\"9999-12-31\""], Required: true),
            new("evidenceUrl", ["\"ftp://example.org/x\"", "\"not a url\"", "\"/relative\"", "\"javascript:alert(1)\"", "12", "true",
                $"\"https://example.org/{new string('a', 2001)}\"", "[]", "{}", "\"file:///etc/passwd\""]),
            new("note", [Long(4001), Long(100_000), "12", "true", "[]", "{}"]),
        ], targets.Milestone),
    ];

    private static readonly string[] BadGuids =
        ["\"not-a-guid\"", "123", "true", "\"\"", "\"00000000-0000-0000-0000-00000000000g\"", "[]", "{}", "\"{}\"", "\"0\""];

    private static string[] Strings(int max, bool required) =>
    [
        .. required ? new[] { "null", "\"\"", "\"   \"" } : [],
        .. WrongTypes, Long(max + 1), Long(200_000), "\"\\ud800\"", "\"a\\udc00b\"", "1e400",
    ];

    private static string[] Texts(int max, bool required) =>
    [
        .. required ? new[] { "null", "{}", "{\"en\":\"\"}", "{\"en\":null,\"vi\":\"  \"}" } : [],
        "\"text\"", "12", "[]", "true", "{\"fr\":\"x\"}", "{\"en\":123}", "{\"en\":[\"x\"]}", $"{{\"en\":{Long(max + 1)}}}",
        $"{{\"lo\":{Long(max * 40)}}}", "{\"en\":\"\\ud800\"}", "{\"th\":\"\\udfff\\ud800\"}", "{\"en\":{\"en\":\"x\"}}",
    ];

    private static string[] OptionalTexts(int max) => Texts(max, required: false);

    private static string[] Parties()
    {
        static string Party(string id, string country = "\"LA\"") => $"{{\"partyId\":\"{id}\",\"name\":{{\"en\":\"P\"}},\"country\":{country}}}";
        return
        [
            "null", "[]", $"[{Party("a")}]", "\"x\"", "123", "{}", "[null,null]", $"[{Party("a")},{Party("a")}]",
            $"[{string.Join(',', Enumerable.Range(0, 21).Select(i => Party($"p{i}")))}]",
            $"[{Party("a")},{{\"name\":{{\"en\":\"P\"}},\"country\":\"LA\"}}]", $"[{Party("a")},{Party("b", "\"la\"")}]",
            $"[{Party("a")},{Party("b")},1]",
        ];
    }

    private static string Long(int length) => $"\"{new string('x', length)}\"";

    public IEnumerable<MalformedRequest> Take(int count)
    {
        var endpoints = Endpoints;
        for (var i = 0; i < count; i++)
        {
            var endpoint = endpoints[i % endpoints.Length];
            yield return _random.Next(100) switch
            {
                < 55 => BrokenField(endpoint),
                < 65 => UnknownMember(endpoint),
                < 82 => BrokenBody(endpoint),
                < 90 => WrongContentType(endpoint),
                _ => WrongId(endpoint),
            };
        }
    }

    private MalformedRequest BrokenField(Endpoint endpoint)
    {
        var field = endpoint.Fields[_random.Next(endpoint.Fields.Length)];
        var body = endpoint.Template();
        if (field.Required && _random.Next(6) == 0)
        {
            Remove(body, field.Path);
            return Json($"{endpoint.Name}: missing {field.Path}", endpoint.Url(endpoint.RealId), body.ToJsonString());
        }
        var value = field.Invalid[_random.Next(field.Invalid.Length)];
        Set(body, field.Path, Hole);
        return Json($"{endpoint.Name}: {field.Path} = {Clip(value)}", endpoint.Url(endpoint.RealId), Splice(body, value));
    }

    private MalformedRequest UnknownMember(Endpoint endpoint)
    {
        var body = endpoint.Template();
        var name = _random.Next(4) switch
        {
            0 => "extra",
            1 => $"x{_random.Next(1000)}",
            2 => "__proto__",
            _ => "ünknown",
        };
        var value = WrongTypes[_random.Next(WrongTypes.Length)];
        var target = _random.Next(3) == 0 && body["title"] is JsonObject title ? title : body;
        target[name] = Hole;
        return Json($"{endpoint.Name}: unknown member {name}", endpoint.Url(endpoint.RealId), Splice(body, value));
    }

    private MalformedRequest BrokenBody(Endpoint endpoint)
    {
        var valid = Encoding.UTF8.GetBytes(endpoint.Template().ToJsonString());
        var url = endpoint.Url(endpoint.RealId);
        switch (_random.Next(12))
        {
            case 0: return new("empty body", url, [], "application/json");
            case 1: return new("scalar body", url, Encoding.UTF8.GetBytes(new[] { "null", "[]", "\"x\"", "123", "true", "{}" }[_random.Next(6)]), "application/json");
            case 2: return new("truncated body", url, valid[..Math.Max(1, _random.Next(valid.Length - 1))], "application/json");
            case 3:
            {
                var garbage = new byte[_random.Next(1, 2000)];
                _random.NextBytes(garbage);
                return new("random bytes", url, garbage, "application/json");
            }
            case 4:
            {
                var at = _random.Next(1, valid.Length - 1);
                byte[] bad = _random.Next(4) switch { 0 => [0xFF], 1 => [0xC3, 0x28], 2 => [0xED, 0xA0, 0x80], _ => [0xF4, 0x90, 0x80, 0x80] };
                return new("broken UTF-8", url, [.. valid[..at], .. bad, .. valid[at..]], "application/json");
            }
            case 5:
            {
                var depth = _random.Next(33, 5000);
                return new($"nested {depth} deep", url, Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), "application/json");
            }
            case 6:
            {
                var depth = _random.Next(33, 300);
                var nested = string.Concat(Enumerable.Repeat("{\"en\":", depth)) + "\"x\"" + new string('}', depth);
                var body = endpoint.Template();
                body[endpoint.Fields[0].Path.Split('.', '[')[0]] = Hole;
                return Json($"{endpoint.Name}: field nested {depth} deep", url, Splice(body, nested));
            }
            case 7: return new("trailing comma", url, [.. valid[..^1], .. ",}"u8], "application/json");
            case 8: return new("comment", url, [.. "/* hi */"u8, .. valid], "application/json");
            case 9: return new("two documents", url, [.. valid, .. valid], "application/json");
            case 10: return new("single quotes", url, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid).Replace('"', '\'')), "application/json");
            default: return new("huge body", url, Encoding.UTF8.GetBytes($"{{\"x\":\"{new string('a', 300_000)}\"}}"), "application/json");
        }
    }

    private MalformedRequest WrongContentType(Endpoint endpoint)
    {
        var type = new string?[]
        {
            null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonx", "image/png", "application/json; charset=utf-16",
        }[_random.Next(8)];
        return new($"{endpoint.Name}: content type {type ?? "none"}", endpoint.Url(endpoint.RealId),
            Encoding.UTF8.GetBytes(endpoint.Template().ToJsonString()), type);
    }

    private MalformedRequest WrongId(Endpoint endpoint)
    {
        var id = new[] { "not-a-guid", "123", "%20", "'%20or%201=1--", new string('a', 5000), "..%2F..%2Fetc", Guid.NewGuid().ToString(), Guid.NewGuid().ToString() }[_random.Next(8)];
        var url = endpoint.Name switch
        {
            "register-agreement" => $"/api/agreements/{id}",
            "add-workstream" => $"/api/agreements/{id}/workstreams",
            "plan-milestone" => $"/api/workstreams/{id}/milestones",
            _ => _random.Next(2) == 0
                ? $"/api/workstreams/{targets.Workstream}/milestones/{id}/complete"
                : $"/api/workstreams/{id}/milestones/{targets.Milestone}/complete",
        };
        return Json($"{endpoint.Name}: id {Clip(id)}", url, endpoint.Template().ToJsonString());
    }

    private static MalformedRequest Json(string kind, string url, string body) => new(kind, url, Encoding.UTF8.GetBytes(body), "application/json");

    private static string Splice(JsonObject body, string rawValue) =>
        body.ToJsonString().Replace($"\"{Hole}\"", rawValue);

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static JsonNode Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[');
        return bracket < 0 ? node[part]! : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1])]!;
    }

    private static void Set(JsonObject body, string path, string value)
    {
        var dot = path.LastIndexOf('.');
        var owner = dot < 0 ? body : path[..dot].Split('.').Aggregate((JsonNode)body, Step);
        var leaf = dot < 0 ? path : path[(dot + 1)..];
        var bracket = leaf.IndexOf('[');
        if (bracket < 0) owner[leaf] = value;
        else owner[leaf[..bracket]]![int.Parse(leaf[(bracket + 1)..^1])] = value;
    }

    private static void Remove(JsonObject body, string path)
    {
        var dot = path.LastIndexOf('.');
        var owner = dot < 0 ? body : path[..dot].Split('.').Aggregate((JsonNode)body, Step);
        owner.AsObject().Remove(dot < 0 ? path : path[(dot + 1)..]);
    }

    private static JsonObject AgreementTemplate() => new()
    {
        ["code"] = $"FZ-{Guid.NewGuid():N}"[..20],
        ["title"] = new JsonObject { ["en"] = "Fuzzed agreement", ["lo"] = "ບົດບັນທຶກ" },
        ["parties"] = new JsonArray(
            new JsonObject { ["partyId"] = "a", ["name"] = new JsonObject { ["en"] = "A" }, ["country"] = "LA", ["signatories"] = new JsonArray() },
            new JsonObject { ["partyId"] = "b", ["name"] = new JsonObject { ["en"] = "B" }, ["country"] = "VN" }),
        ["signedOn"] = "2023-05-23",
        ["signedAt"] = new JsonObject { ["en"] = "Vientiane" },
        ["validity"] = new JsonObject { ["from"] = "2023-01-01", ["to"] = "2030-12-31" },
        ["status"] = "signed",
        ["sourceReference"] = "https://example.org/mou",
    };

    private static JsonObject WorkstreamTemplate() => new()
    {
        ["code"] = $"FZ-{Guid.NewGuid():N}"[..20],
        ["title"] = new JsonObject { ["en"] = "Fuzzed workstream" },
        ["objective"] = new JsonObject { ["en"] = "Objective" },
        ["leadPartyId"] = "vn-moha",
        ["start"] = "2023-06",
        ["end"] = "2026",
    };

    private static JsonObject MilestoneTemplate() => new()
    {
        ["title"] = new JsonObject { ["en"] = "Fuzzed milestone" },
        ["dueDate"] = "2025-06-30",
        ["weight"] = 1,
    };

    private static JsonObject CompleteTemplate() => new()
    {
        ["completedOn"] = "2024-06-28",
        ["evidenceUrl"] = "https://example.org/report",
        ["note"] = "Done",
    };
}
