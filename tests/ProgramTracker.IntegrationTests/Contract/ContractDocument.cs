using System.Text.Json.Nodes;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace ProgramTracker.IntegrationTests.Contract;

/// <summary>The OpenAPI document as a partner fetches it, and the C# client NSwag makes of it.</summary>
public static class ContractDocument
{
    public static async Task<string> FetchAsync(HttpClient anonymous)
    {
        var response = await anonymous.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<JsonObject> ReadAsync(HttpClient anonymous) => JsonNode.Parse(await FetchAsync(anonymous))!.AsObject();

    public static IEnumerable<(string Path, string Method, JsonObject Operation)> ApiOperations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        where path.Key.StartsWith("/api/", StringComparison.Ordinal)
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Key, operation.Value!.AsObject());

    public static async Task<string> GenerateClientAsync(string json)
    {
        var document = await OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "ProgramTrackerClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "ProgramTracker.IntegrationTests.Contract.Client";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.DateType = "System.DateOnly";
        settings.CSharpGeneratorSettings.DateTimeType = "System.DateTimeOffset";
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = false;
        return new CSharpClientGenerator(document, settings).GenerateFile().ReplaceLineEndings("\n");
    }

    /// <summary>The repository checkout the tests run from.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProgramTracker.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No ProgramTracker.sln above {AppContext.BaseDirectory}.");
    }

    public static string ClientFile => Path.Combine(RepositoryRoot(), "tests", "ProgramTracker.IntegrationTests", "Contract", "Client", "ProgramTrackerClient.cs");
}
