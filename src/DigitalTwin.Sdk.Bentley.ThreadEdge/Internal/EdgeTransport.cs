using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Sends <see cref="EdgeRequest"/>s through the core pipeline and reads the answers.</summary>
/// <remarks>Thread-safe; shared by the sub-clients of one <see cref="ThreadEdgeClient"/>.</remarks>
internal sealed class EdgeTransport(ClientRuntime runtime)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public ClientRuntime Runtime => runtime;

    public async Task SendAsync(EdgeRequest request, string operation, CancellationToken cancellationToken)
    {
        using var message = Create(request, operation);
        using var response = await runtime.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> ReadJsonAsync<T>(EdgeRequest request, string operation, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var message = Create(request, operation);
        var response = await runtime.SendJsonAsync(message, typeInfo, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Sends and parses a scalar answer (<c>{"value":..}</c> and the like) with <paramref name="parse"/>, which
    /// also receives whether plain text is acceptable (the response was not labelled JSON).</summary>
    public async Task<T> ReadScalarAsync<T>(EdgeRequest request, string operation, Func<byte[], bool, T> parse, CancellationToken cancellationToken)
    {
        using var message = Create(request, operation);
        using var response = await runtime.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var labelledJson = mediaType is not null && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
            return parse(body, !labelledJson);
        }
        catch (JsonException ex)
        {
            var info = new ApiErrorInfo(runtime.Vendor, response.StatusCode)
            {
                Method = request.Method.Method,
                Path = message.RequestUri?.AbsolutePath,
                ErrorCode = "InvalidResponse",
            };
            throw new DigitalTwinInvalidResponseException(info, $"{runtime.Vendor} answered {info.Method} {info.Path} with {(int)response.StatusCode}, but {ex.Message}", ex);
        }
    }

    private HttpRequestMessage Create(EdgeRequest request, string operation)
    {
        var message = runtime.CreateRequest(request.Method, request.Path, operation);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = Json;
        }

        if (request.IsIdempotent)
        {
            message.MarkIdempotent();
        }

        return message;
    }
}
