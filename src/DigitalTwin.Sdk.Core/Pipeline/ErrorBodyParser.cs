using System.Text.Json;

namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>
/// Turns an error response into an <see cref="ApiErrorInfo"/>: the request id, the Retry-After wait, a redacted body
/// summary and the error objects of the body. The base class reads the vendor-neutral shapes: JSON:API
/// <c>{"errors":[…]}</c>, RFC 7807 problem details, the OAuth 2.0 <c>{"error","error_description"}</c> answer and a
/// plain <c>{"code","message"}</c> object. A vendor whose API answers in another shape, or names its request id
/// differently, derives from it and passes the instance to its <see cref="ClientDefinition"/>.
/// </summary>
/// <remarks>Instances are immutable and thread-safe; one serves every request of a client.</remarks>
public class ErrorBodyParser
{
    private const int MaxRequestIdLength = 200;
    private const int MaxFieldLength = 500;
    private readonly string[] _requestIdHeaders;

    /// <summary>Initializes a new instance that reads the request id from <c>X-Request-Id</c> or <c>Request-Id</c>.</summary>
    public ErrorBodyParser()
        : this(["X-Request-Id", "Request-Id"])
    {
    }

    /// <summary>Initializes a new instance that reads the request id from the first of <paramref name="requestIdHeaders"/> present.</summary>
    /// <param name="requestIdHeaders">The response headers that carry the vendor's request id, in order of preference.</param>
    /// <exception cref="ArgumentException">The list is empty or has a blank name.</exception>
    public ErrorBodyParser(IEnumerable<string> requestIdHeaders)
    {
        ArgumentNullException.ThrowIfNull(requestIdHeaders);
        _requestIdHeaders = [.. requestIdHeaders];
        if (_requestIdHeaders.Length == 0 || Array.Exists(_requestIdHeaders, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one request-id header, and no blank names.", nameof(requestIdHeaders));
        }
    }

    /// <summary>Gets the parser of the vendor-neutral shapes with the default request-id headers.</summary>
    public static ErrorBodyParser Standard { get; } = new();

    /// <summary>Gets the response headers read for the request id, in order of preference.</summary>
    public IReadOnlyList<string> RequestIdHeaders => _requestIdHeaders;

    /// <summary>Reads the request id of <paramref name="response"/> (at most 200 characters).</summary>
    /// <param name="response">A response, or <see langword="null"/>.</param>
    /// <returns>The first non-blank value of <see cref="RequestIdHeaders"/>, or <see langword="null"/>.</returns>
    public string? ReadRequestId(HttpResponseMessage? response)
    {
        if (response is null)
        {
            return null;
        }

        foreach (var name in _requestIdHeaders)
        {
            if (!response.Headers.TryGetValues(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return value.Length <= MaxRequestIdLength ? value : value[..MaxRequestIdLength];
                }
            }
        }

        return null;
    }

    /// <summary>Describes the error answer <paramref name="response"/> whose body is <paramref name="body"/>.</summary>
    /// <param name="vendor">The vendor's display name.</param>
    /// <param name="response">The error response (its request gives the method and path).</param>
    /// <param name="body">The body bytes (possibly empty).</param>
    /// <param name="time">The clock a Retry-After date is measured against.</param>
    /// <returns>The description; never <see langword="null"/>, whatever the body holds.</returns>
    public ApiErrorInfo Parse(string vendor, HttpResponseMessage response, ReadOnlySpan<byte> body, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var info = new ApiErrorInfo(vendor, response.StatusCode)
        {
            RequestId = ReadRequestId(response),
            Method = response.RequestMessage?.Method.Method,
            Path = response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : null,
            RetryAfter = Internal.RetryAfter.Read(response, time),
            BodySummary = Internal.Redactor.SummarizeBody(body),
        };

        if (body.IsEmpty)
        {
            return info;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? ReadBody(info, document.RootElement) : info;
        }
        catch (JsonException)
        {
            return info;
        }
    }

    /// <summary>
    /// Reads the error objects of a JSON object body into <paramref name="info"/>. Override to read a vendor shape
    /// first and call the base method for the rest.
    /// </summary>
    /// <param name="info">The description so far (status, request id, path, summary).</param>
    /// <param name="root">The body's root object.</param>
    /// <returns><paramref name="info"/> with the errors found, or unchanged.</returns>
    protected virtual ApiErrorInfo ReadBody(ApiErrorInfo info, JsonElement root)
    {
        ArgumentNullException.ThrowIfNull(info);

        // JSON:API: {"errors":[{id,status,code,title,detail,source:{pointer,parameter}}]}
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            var list = new List<ApiError>();
            foreach (var element in errors.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object)
                {
                    list.Add(ReadErrorObject(element));
                }
            }

            if (list.Count > 0)
            {
                return WithErrors(info, list);
            }
        }

        // OAuth 2.0 (RFC 6749 §5.2): {"error":"invalid_grant","error_description":"..."}
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            return WithErrors(info, [new ApiError(null, error.GetString(), ReadString(root, "error_description"), null)]);
        }

        // RFC 7807 problem details {"type","title","status","detail"}, or a plain {"code","message"}.
        var code = ReadString(root, "code") ?? ReadString(root, "type");
        var title = ReadString(root, "title") ?? ReadString(root, "message");
        var detail = ReadString(root, "detail");
        return code is null && title is null && detail is null
            ? info
            : WithErrors(info, [new ApiError(ReadString(root, "status"), code, title, detail)]);
    }

    /// <summary>Reads one object of a JSON:API <c>errors</c> array. Override to read vendor members of the error object.</summary>
    /// <param name="element">The error object.</param>
    /// <returns>The error.</returns>
    protected virtual ApiError ReadErrorObject(JsonElement element)
    {
        var source = element.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var hasSource = source.ValueKind == JsonValueKind.Object;
        return new ApiError(ReadString(element, "status"), ReadString(element, "code"), ReadString(element, "title"), ReadString(element, "detail"))
        {
            Id = ReadString(element, "id"),
            SourcePointer = hasSource ? ReadString(source, "pointer") : null,
            SourceParameter = hasSource ? ReadString(source, "parameter") : null,
        };
    }

    /// <summary>Returns <paramref name="info"/> with <paramref name="errors"/>, the first of them giving the code, title and detail.</summary>
    /// <param name="info">The description so far.</param>
    /// <param name="errors">At least one error.</param>
    /// <returns>The completed description.</returns>
    protected static ApiErrorInfo WithErrors(ApiErrorInfo info, IReadOnlyList<ApiError> errors)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return info;
        }

        var first = errors[0];
        return info with { Errors = errors, ErrorCode = first.Code, ErrorTitle = first.Title, ErrorDetail = first.Detail };
    }

    /// <summary>Reads a string or number member as text, cut to 500 characters; <see langword="null"/> when absent or of another kind.</summary>
    /// <param name="element">A JSON object.</param>
    /// <param name="name">The member name (case-sensitive).</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    protected static string? ReadString(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return text is { Length: > MaxFieldLength } ? text[..MaxFieldLength] + "…" : text;
    }
}
