using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramTracker.IntegrationTests.Contract.Client;

/// <summary>
/// The one line a partner adds to NSwag's System.Text.Json client: the API's enums travel as their camelCase names
/// (the document says so), which the generated enums do not carry for System.Text.Json.
/// </summary>
public partial class ProgramTrackerClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
}
