using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ProgramTracker.Testing;

/// <summary>
/// A real OpenID Connect provider (<c>oidc-provider</c> from npm, run by Node from <c>tests/oidc-provider</c>) on a
/// free 127.0.0.1 port, with the clients, roles, users and claim mappers of <c>ops/keycloak/programtracker-realm.json</c>.
/// Disposing kills it; so does the test process exiting.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string WebClientId = "programtracker-web";

    /// <summary>The resource indicator that asks for an access token for the API (the realm's bearer-only client).</summary>
    public const string ApiResource = "urn:keycloak:client:programtracker-api";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TestIdentityProvider(Process process, string issuer, string webClientSecret, string password)
    {
        _process = process;
        Issuer = issuer;
        WebClientSecret = webClientSecret;
        Password = password;
    }

    public string Issuer { get; }
    public string WebClientSecret { get; }

    /// <summary>Every realm user's password (the realm's ${PROGRAMTRACKER_DEMO_PASSWORD}).</summary>
    public string Password { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string IssuerAt(int port) => $"http://127.0.0.1:{port}";

    public static string ProviderFolder => Repository.File("tests", "oidc-provider");

    /// <param name="publicUrl">The app's address, as the realm's ${PROGRAMTRACKER_PUBLIC_URL}: its redirect URIs are under it.</param>
    /// <param name="port">The port to listen on, chosen before the app starts so that the app can name its authority.</param>
    /// <param name="webClientSecret">The web client's secret, as the app is configured with it.</param>
    public static async Task<TestIdentityProvider> StartAsync(string publicUrl, int port, string webClientSecret)
    {
        var node = FindOnPath("node") ?? throw new InvalidOperationException(
            "The OpenID Connect tests run a real provider with Node.js, and there is no 'node' on the PATH. Install Node 20 or later " +
            "('apt-get install nodejs npm'), then run 'npm ci' in tests/oidc-provider (./ops/test.sh does both).");
        if (!File.Exists(Path.Combine(ProviderFolder, "node_modules", "oidc-provider", "package.json")))
        {
            throw new InvalidOperationException(
                $"The OpenID Connect tests need the npm package oidc-provider, and it is not installed in {ProviderFolder}. " +
                "Run 'npm ci' there (./ops/test.sh does it for you).");
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var issuer = IssuerAt(port);
        var psi = new ProcessStartInfo(node, ["provider.js", "--port", $"{port}", "--public-url", publicUrl.TrimEnd('/'), "--web-secret", webClientSecret, "--password", password])
        {
            WorkingDirectory = ProviderFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = psi };
        var provider = new TestIdentityProvider(process, issuer, webClientSecret, password);
        process.OutputDataReceived += (_, e) => provider.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => provider.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => provider.Kill();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var discovered = await Polling.PollUntil(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"The OpenID Connect provider exited with {process.ExitCode}:\n{provider.Output}");
            try
            {
                using var response = await http.GetAsync($"{issuer}/.well-known/openid-configuration");
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30));
        if (discovered) return provider;
        await provider.DisposeAsync();
        throw new TimeoutException($"The OpenID Connect provider did not serve its discovery document on {issuer} within 30 s:\n{provider.Output}");
    }

    /// <summary>
    /// What an API client does to call the API as <paramref name="username"/>: the authorization code flow with PKCE
    /// as the web client, signing in on the provider's own page, asking for the API as the resource; answers the
    /// access token (a JWT whose audience is the API).
    /// </summary>
    public async Task<string> ApiAccessTokenAsync(string username, string redirectUri, string? password = null)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var authorize = $"{Issuer}/auth?" + Query(new()
        {
            ["client_id"] = WebClientId,
            ["response_type"] = "code",
            ["scope"] = "openid profile email",
            ["redirect_uri"] = redirectUri,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = Guid.NewGuid().ToString("N"),
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["resource"] = ApiResource,
        });
        var response = await http.GetAsync(authorize);
        for (var hops = 0; hops < 10; hops++)
        {
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is < 300 or >= 400)
            {
                if (response.StatusCode != HttpStatusCode.OK || response.RequestMessage!.RequestUri!.AbsolutePath is not { } path || !path.StartsWith("/interaction/"))
                    throw new InvalidOperationException($"The provider answered {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}: {body}");
                response = await http.PostAsync(response.RequestMessage.RequestUri, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["username"] = username,
                    ["password"] = password ?? Password,
                }));
                continue;
            }
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (location.ToString().StartsWith(redirectUri, StringComparison.Ordinal))
            {
                var code = System.Web.HttpUtility.ParseQueryString(location.Query)["code"]
                    ?? throw new InvalidOperationException($"The provider sent no code: {location}");
                using var token = await http.PostAsync($"{Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "authorization_code",
                    ["code"] = code,
                    ["redirect_uri"] = redirectUri,
                    ["client_id"] = WebClientId,
                    ["client_secret"] = WebClientSecret,
                    ["code_verifier"] = verifier,
                    ["resource"] = ApiResource,
                }));
                var tokens = await token.Content.ReadAsStringAsync();
                if (!token.IsSuccessStatusCode) throw new InvalidOperationException($"The token endpoint answered {(int)token.StatusCode}: {tokens}");
                return JsonNode.Parse(tokens)!["access_token"]!.GetValue<string>();
            }
            response = await http.GetAsync(location);
        }
        throw new InvalidOperationException("The provider redirected more than 10 times.");
    }

    private static string Query(Dictionary<string, string> parameters) =>
        string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
