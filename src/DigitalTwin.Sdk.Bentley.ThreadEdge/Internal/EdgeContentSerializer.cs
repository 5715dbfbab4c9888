using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Serialization;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>
/// Writes the declared request bodies the way the THREAD is sent them: UTF-8 JSON from the source-generated
/// <see cref="ThreadEdgeJsonContext"/>, buffered (a <c>Content-Length</c>, never chunked), labelled
/// <c>Content-Type: application/json</c>. Responses are read by the sub-clients (<see cref="EdgeResponses"/>), never here.
/// </summary>
internal sealed class EdgeContentSerializer : IHttpContentSerializer
{
    public static EdgeContentSerializer Instance { get; } = new();

    public HttpContent ToHttpContent<T>(T item)
    {
        var typeInfo = ThreadEdgeJsonContext.Default.GetTypeInfo(typeof(T))
            ?? throw new NotSupportedException($"{typeof(T).Name} is not a THREAD request body.");
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json"); // one per request: header values are mutable
        return content;
    }

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The THREAD endpoints return HttpResponseMessage; the sub-clients read the answers.");

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => null;
}
