using System.Net;

namespace DigitalTwin.Sdk.Core;

/// <summary>What the SDK learned from a failed response; the input of every <see cref="DigitalTwinApiException"/>.</summary>
/// <param name="Vendor">Vendor API name, e.g. <c>Siemens Lifecycle Twin</c>.</param>
/// <param name="StatusCode">HTTP status code.</param>
public sealed record ApiErrorInfo(string Vendor, HttpStatusCode StatusCode)
{
    /// <summary>Gets the request id the service returned (<c>X-Request-Id</c> and friends).</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the primary vendor error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the primary error title.</summary>
    public string? ErrorTitle { get; init; }

    /// <summary>Gets the primary error detail.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>Gets every error object the vendor returned.</summary>
    public IReadOnlyList<ApiError> Errors { get; init; } = [];

    /// <summary>Gets a short, secret-free summary of the response body.</summary>
    public string? BodySummary { get; init; }

    /// <summary>Gets the HTTP method of the failed request.</summary>
    public string? Method { get; init; }

    /// <summary>Gets the request path (no query string, so no query values leak into messages).</summary>
    public string? Path { get; init; }

    /// <summary>Gets the delay the service asked for before a retry (<c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
