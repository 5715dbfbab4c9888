using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigitalTwin.Sdk.Core.Internal;

namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>
/// Sends a request through the client pipeline and turns the answer into a typed value or the right exception:
/// error statuses through the vendor's <see cref="ErrorBodyParser"/> into the <see cref="DigitalTwinApiException"/>
/// family, unreadable bodies into <see cref="DigitalTwinInvalidResponseException"/> (never a raw <see cref="JsonException"/>).
/// The building blocks of a vendor client's operations; declared REST interfaces (Refit) send through
/// <see cref="ClientRuntime.CreateRestClient"/> and use <see cref="EnsureSuccessAsync"/> and <see cref="ReadJsonAsync"/>.
/// </summary>
public static class HttpApi
{
    /// <summary>The <c>Accept: application/json</c> value, shared by every request (never mutated).</summary>
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    /// <summary>Sends <paramref name="request"/> and parses the successful JSON answer; error statuses throw.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="request">The request (the runtime's pipeline sends it).</param>
    /// <param name="typeInfo">The source-generated type information of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the status and request id it came with.</returns>
    public static async Task<ApiResponse<T>> SendJsonAsync<T>(this ClientRuntime runtime, HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await runtime.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await runtime.EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
        var value = await runtime.ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>(value, response.StatusCode, runtime.Definition.ErrorParser.ReadRequestId(response));
    }

    /// <summary>Sends and returns the successful response (body buffered); error statuses throw.</summary>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; the caller disposes it.</returns>
    public static async Task<HttpResponseMessage> SendAsync(this ClientRuntime runtime, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await runtime.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await runtime.EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// Awaits a declared call (a Refit method that returns the <see cref="HttpResponseMessage"/>, sent through the
    /// runtime's pipeline) and returns the successful response; an error status throws the SDK's typed exception.
    /// </summary>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="call">The call in flight.</param>
    /// <param name="cancellationToken">Cancels reading an error body.</param>
    /// <returns>The response; the caller disposes it.</returns>
    public static async Task<HttpResponseMessage> ReceiveAsync(this ClientRuntime runtime, Task<HttpResponseMessage> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var response = await call.ConfigureAwait(false);
        await runtime.EnsureSuccessAsync(response.RequestMessage!, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>Awaits a declared call (see <see cref="ReceiveAsync"/>) and parses its successful JSON answer; error statuses throw.</summary>
    /// <typeparam name="T">The answer's type.</typeparam>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="call">The call in flight.</param>
    /// <param name="typeInfo">The source-generated type information of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The value with the status and request id it came with.</returns>
    public static async Task<ApiResponse<T>> ReceiveJsonAsync<T>(this ClientRuntime runtime, Task<HttpResponseMessage> call, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await runtime.ReceiveAsync(call, cancellationToken).ConfigureAwait(false);
        var value = await runtime.ReadJsonAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>(value, response.StatusCode, runtime.Definition.ErrorParser.ReadRequestId(response));
    }

    /// <summary>
    /// Sends a request whose successful body the caller reads as a stream (<see cref="Http.DigitalTwinRequestOptions.StreamSuccessBody"/>):
    /// error statuses throw as usual; on success the body is unread and the caller owns (and disposes) the response.
    /// </summary>
    /// <remarks>An <see cref="HttpClient"/> (the DI registration's) is asked for the headers only, or it would read the whole body itself.</remarks>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response with its body unread; the caller disposes it.</returns>
    public static async Task<HttpResponseMessage> SendStreamingAsync(this ClientRuntime runtime, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Http.DigitalTwinRequestOptions.StreamSuccessBody(request);
        var invoker = runtime.HttpClient;
        var response = invoker is HttpClient client
            ? await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false)
            : await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await runtime.EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// Links <paramref name="response"/> to <paramref name="request"/> and, for an error status, disposes it and throws
    /// the typed exception. Completes synchronously on success, so a caller that awaits the send itself adds no async
    /// layer of its own.
    /// </summary>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="request">The request the response answers.</param>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>A task that completes when the answer is a success.</returns>
    public static ValueTask EnsureSuccessAsync(this ClientRuntime runtime, HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.RequestMessage ??= request;
        return response.IsSuccessStatusCode ? default : ThrowErrorAsync(runtime, response, cancellationToken);

        static async ValueTask ThrowErrorAsync(ClientRuntime runtime, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using (response)
            {
                throw await runtime.CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads the error body of <paramref name="response"/> into the typed exception for its status (not thrown).</summary>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="response">An error response; the caller disposes it.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The exception.</returns>
    public static async Task<DigitalTwinApiException> CreateExceptionAsync(this ClientRuntime runtime, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            body = [];
        }

        return ApiExceptionFactory.Create(runtime.Definition.ErrorParser.Parse(runtime.Vendor, response, body, runtime.Time));
    }

    /// <summary>Parses the JSON body of a successful <paramref name="response"/>; an unreadable or empty body throws <see cref="DigitalTwinInvalidResponseException"/>.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="response">The response.</param>
    /// <param name="typeInfo">The source-generated type information of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The value.</returns>
    public static async Task<T> ReadJsonAsync<T>(this ClientRuntime runtime, HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
        {
            throw Invalid(runtime, response, $"expected a JSON body but the content type was '{mediaType}'", null);
        }

        try
        {
            // The pipeline buffers every body but a HEAD's, so the stream comes synchronously (no task per call).
            var stream = response.Content.ReadAsStream(cancellationToken);
            if (stream is MemoryStream buffered)
            {
                // A buffered body (every body the pipeline returns but a HEAD's) is already in memory: parse it
                // synchronously from the start, and leave the stream open so it can be read again (the response owns it).
                buffered.Position = 0;
                var value = JsonSerializer.Deserialize(buffered, typeInfo);
                return value ?? throw Invalid(runtime, response, "the body was empty or JSON null", null);
            }

            await using (stream.ConfigureAwait(false))
            {
                var value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                return value ?? throw Invalid(runtime, response, "the body was empty or JSON null", null);
            }
        }
        catch (JsonException ex)
        {
            throw Invalid(runtime, response, $"the body is not valid JSON for {typeof(T).Name} (line {ex.LineNumber}, position {ex.BytePositionInLine})", ex);
        }
        catch (NotSupportedException ex)
        {
            throw Invalid(runtime, response, $"the body cannot be read as {typeof(T).Name}", ex);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Invalid(runtime, response, "the body ended early", ex);
        }
    }

    /// <summary>
    /// Reads the first JSON token of a buffered body without consuming it, so the caller can choose the shape to parse
    /// (an entity or an array of entities) and parse the body once.
    /// </summary>
    /// <returns>The first token: <see cref="JsonTokenType.StartArray"/>, <see cref="JsonTokenType.StartObject"/>, another
    /// value token, or <see cref="JsonTokenType.None"/> when the body is empty, not buffered or does not start with JSON.</returns>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static JsonTokenType PeekJsonToken(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = response.Content.ReadAsStream(cancellationToken);
        if (stream is not MemoryStream buffered)
        {
            return JsonTokenType.None;
        }

        buffered.Position = 0;
        try
        {
            int b;
            while ((b = buffered.ReadByte()) >= 0)
            {
                switch (b)
                {
                    case ' ' or '\t' or '\r' or '\n':
                        continue;
                    case 0xEF:
                        // UTF-8 byte order mark (EF BB BF), which System.Text.Json skips too.
                        if (buffered.ReadByte() == 0xBB && buffered.ReadByte() == 0xBF)
                        {
                            continue;
                        }

                        return JsonTokenType.None;
                    case '[':
                        return JsonTokenType.StartArray;
                    case '{':
                        return JsonTokenType.StartObject;
                    case '"':
                        return JsonTokenType.String;
                    case 'n':
                        return JsonTokenType.Null;
                    case 't':
                        return JsonTokenType.True;
                    case 'f':
                        return JsonTokenType.False;
                    case '-' or (>= '0' and <= '9'):
                        return JsonTokenType.Number;
                    default:
                        return JsonTokenType.None;
                }
            }

            return JsonTokenType.None;
        }
        finally
        {
            buffered.Position = 0;
        }
    }

    /// <summary>Whether <paramref name="mediaType"/> is JSON (<c>…/json</c> or <c>…+json</c>).</summary>
    /// <param name="mediaType">A media type without parameters.</param>
    /// <returns><see langword="true"/> for JSON.</returns>
    public static bool IsJson(string mediaType) =>
        mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static DigitalTwinInvalidResponseException Invalid(ClientRuntime runtime, HttpResponseMessage response, string what, Exception? inner)
    {
        var info = new ApiErrorInfo(runtime.Vendor, response.StatusCode)
        {
            RequestId = runtime.Definition.ErrorParser.ReadRequestId(response),
            Method = response.RequestMessage?.Method.Method,
            Path = response.RequestMessage?.RequestUri?.AbsolutePath,
            ErrorCode = "InvalidResponse",
        };
        var requestId = info.RequestId is null ? string.Empty : $" (request id {info.RequestId})";
        return new DigitalTwinInvalidResponseException(info, $"{runtime.Vendor} answered {info.Method} {info.Path} with {(int)response.StatusCode}, but {what}{requestId}.", inner);
    }

    /// <summary>Creates a request for <paramref name="relativeOrAbsolute"/> resolved against the base URL, accepting JSON.</summary>
    /// <param name="runtime">The client runtime.</param>
    /// <param name="method">The method.</param>
    /// <param name="relativeOrAbsolute">A path relative to the base URL, or an absolute http(s) URL (a next link).</param>
    /// <param name="operation">The operation name recorded in telemetry and errors.</param>
    /// <returns>The request.</returns>
    public static HttpRequestMessage CreateRequest(this ClientRuntime runtime, HttpMethod method, string relativeOrAbsolute, string operation)
    {
        var baseUrl = runtime.Options.BaseUrl ?? throw new InvalidOperationException("BaseUrl is not configured.");
        var uri = Uri.TryCreate(relativeOrAbsolute, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(EnsureTrailingSlash(baseUrl), relativeOrAbsolute.TrimStart('/'));
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(AcceptJson);
        request.Options.Set(Http.DigitalTwinRequestOptions.OperationKey, operation);
        return request;
    }

    /// <summary>Returns <paramref name="uri"/> ending in a slash, so relative paths resolve below it.</summary>
    /// <param name="uri">An absolute URI.</param>
    /// <returns>The URI with a trailing slash.</returns>
    public static Uri EnsureTrailingSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
