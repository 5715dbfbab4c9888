using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>
/// Turns the answers of the declared endpoints (<see cref="Rest"/>) into values or the SDK's typed exceptions: error
/// statuses through the core's error parsing, JSON bodies through the source-generated context, scalar answers through
/// <see cref="EdgeResponseReader"/>; an unreadable answer is a <see cref="DigitalTwinInvalidResponseException"/>.
/// </summary>
/// <remarks>Thread-safe; shared by the sub-clients of one <see cref="ThreadEdgeClient"/>.</remarks>
internal sealed class EdgeResponses(ClientRuntime runtime)
{
    public ClientRuntime Runtime => runtime;

    /// <summary>Awaits a call whose answer has no body the caller needs; an error status throws.</summary>
    public async Task CompleteAsync(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = await runtime.ReceiveAsync(sending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Awaits a call and parses its JSON answer.</summary>
    public async Task<T> ReadJsonAsync<T>(Task<HttpResponseMessage> sending, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var answer = await runtime.ReceiveJsonAsync(sending, typeInfo, cancellationToken).ConfigureAwait(false);
        return answer.Value;
    }

    /// <summary>Awaits a call and parses its scalar answer (<c>{"value":..}</c> and the like) with <paramref name="parse"/>,
    /// which also receives whether plain text is acceptable (the response was not labelled JSON).</summary>
    public async Task<T> ReadScalarAsync<T>(Task<HttpResponseMessage> sending, Func<byte[], bool, T> parse, CancellationToken cancellationToken)
    {
        using var response = await runtime.ReceiveAsync(sending, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            return parse(body, mediaType is null || !HttpApi.IsJson(mediaType));
        }
        catch (JsonException ex)
        {
            var info = new ApiErrorInfo(runtime.Vendor, response.StatusCode)
            {
                Method = response.RequestMessage?.Method.Method,
                Path = response.RequestMessage?.RequestUri?.AbsolutePath,
                ErrorCode = "InvalidResponse",
            };
            throw new DigitalTwinInvalidResponseException(info, $"{runtime.Vendor} answered {info.Method} {info.Path} with {(int)response.StatusCode}, but {ex.Message}", ex);
        }
    }
}
