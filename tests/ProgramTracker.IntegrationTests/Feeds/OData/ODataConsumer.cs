using System.Net;
using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace ProgramTracker.IntegrationTests.Feeds.OData;

/// <summary>One row as an OData reader sees it, with the rows $expand nested under it by navigation name.</summary>
public sealed record FeedEntry(IReadOnlyDictionary<string, object?> Values, IReadOnlyDictionary<string, List<FeedEntry>> Expanded)
{
    public object? this[string name] => Values[name];
}

public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, long? Count, Uri? NextLink);

/// <summary>
/// Reads the feed the way an OData consumer does: the model with Microsoft.OData.Edm's CSDL reader, the entity
/// sets with Microsoft.OData.Core's <see cref="ODataMessageReader"/> against that model.
/// </summary>
public static class ODataConsumer
{
    public static async Task<IEdmModel> ReadModelAsync(HttpClient http)
    {
        var response = await http.GetAsync("/odata/$metadata");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var xml = XmlReader.Create(stream);
        var model = CsdlReader.Parse(xml);
        model.Validate(out var errors).ShouldBeTrue(string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return model;
    }

    public static async Task<FeedPage> ReadAsync(HttpClient http, IEdmModel model, string entitySet, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/odata/{entitySet}{query}");
        request.Headers.Accept.ParseAdd("application/json;odata.metadata=minimal");
        var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ReadAsync(response, model, entitySet);
    }

    public static async Task<FeedPage> ReadAsync(HttpResponseMessage response, IEdmModel model, string entitySet)
    {
        var set = model.EntityContainer.FindEntitySet(entitySet);
        set.ShouldNotBeNull($"the model should have the entity set {entitySet}");
        var message = new ResponseMessage(response, await response.Content.ReadAsStreamAsync());
        var settings = new ODataMessageReaderSettings { BaseUri = new Uri("http://localhost/odata/"), EnableMessageStreamDisposal = false };
        using var reader = new ODataMessageReader(message, settings, model);
        var feed = await reader.CreateODataResourceSetReaderAsync(set, set.EntityType);

        var roots = new List<FeedEntry>();
        var stack = new Stack<(Dictionary<string, object?> Values, Dictionary<string, List<FeedEntry>> Expanded)>();
        var links = new Stack<string>();
        ODataResourceSet? top = null;
        while (await feed.ReadAsync())
        {
            switch (feed.State)
            {
                case ODataReaderState.ResourceSetEnd when stack.Count == 0:
                    top = (ODataResourceSet)feed.Item;
                    break;
                case ODataReaderState.NestedResourceInfoStart:
                    links.Push(((ODataNestedResourceInfo)feed.Item).Name);
                    stack.Peek().Expanded.TryAdd(links.Peek(), []);
                    break;
                case ODataReaderState.NestedResourceInfoEnd:
                    links.Pop();
                    break;
                case ODataReaderState.ResourceStart:
                    stack.Push((new Dictionary<string, object?>(), new Dictionary<string, List<FeedEntry>>()));
                    break;
                case ODataReaderState.ResourceEnd:
                    var (values, expanded) = stack.Pop();
                    if (feed.Item is ODataResource resource)
                    {
                        foreach (var p in resource.Properties.OfType<ODataProperty>()) values[p.Name] = Plain(p.Value);
                    }
                    var entry = new FeedEntry(values, expanded);
                    if (stack.Count == 0) roots.Add(entry);
                    else stack.Peek().Expanded[links.Peek()].Add(entry);
                    break;
            }
        }
        return new FeedPage(roots, top?.Count, top?.NextPageLink);
    }

    /// <summary>ODL 8 reads Edm.Date as its own (obsolete) Date type; the tests compare with DateOnly.</summary>
#pragma warning disable CS0618
    private static object? Plain(object? value) => value is Date date ? new DateOnly(date.Year, date.Month, date.Day) : value;
#pragma warning restore CS0618

    private sealed class ResponseMessage(HttpResponseMessage response, Stream body) : IODataResponseMessageAsync
    {
        private readonly Dictionary<string, string> _headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);

        public IEnumerable<KeyValuePair<string, string>> Headers => _headers;
        public int StatusCode { get => (int)response.StatusCode; set => throw new NotSupportedException(); }
        public string? GetHeader(string headerName) => _headers.GetValueOrDefault(headerName);
        public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;
        public Stream GetStream() => body;
        public Task<Stream> GetStreamAsync() => Task.FromResult(body);
    }
}
