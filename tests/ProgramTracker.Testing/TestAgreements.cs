using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ProgramTracker.Testing;

/// <summary>Registering an agreement through the public API, the way a secretariat would.</summary>
public static class TestAgreements
{
    /// <summary>A valid body for POST /api/agreements: two home-affairs ministries, in force 2023–2026 unless told otherwise.</summary>
    public static object AgreementBody(string? code = null, string from = "2023-06-01", string to = "2026-12-31") => new
    {
        code = code ?? $"T-{Guid.NewGuid():N}"[..20],
        title = new { en = "Cooperation in home affairs 2023–2026", vi = "Hợp tác trong lĩnh vực nội vụ", lo = "ການຮ່ວມມືດ້ານພາຍໃນ" },
        parties = new object[]
        {
            new { partyId = "vn-moha", name = new { en = "Ministry of Home Affairs", vi = "Bộ Nội vụ" }, country = "VN" },
            new { partyId = "la-moha", name = new { en = "Ministry of Home Affairs", lo = "ກະຊວງພາຍໃນ" }, country = "LA" },
        },
        signedOn = "2023-05-23",
        validity = new { from, to },
    };

    /// <summary>Registers the agreement (<see cref="AgreementBody"/> unless given a body) and answers its id; throws, with the answer, unless 201.</summary>
    public static async Task<Guid> RegisteredAgreement(this HttpClient http, object? body = null)
    {
        using var response = await http.PostAsJsonAsync("/api/agreements", body ?? AgreementBody());
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new HttpRequestException($"POST /api/agreements answered {(int)response.StatusCode}, not 201: {text}", null, response.StatusCode);
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }
}
