using System.Globalization;
using System.Net;
using System.Text;

namespace DigitalTwin.Sdk.Core;

/// <summary>A vendor API answered with an error status (or with a body the SDK could not read).</summary>
/// <remarks>
/// Carries the vendor, HTTP status, request id and every vendor error object. The message holds the status,
/// code and title only — never a secret and never the full body.
/// </remarks>
public class DigitalTwinApiException : DigitalTwinException
{
    /// <summary>Initializes a new instance from what the SDK learned about the failure.</summary>
    /// <param name="info">The failure.</param>
    public DigitalTwinApiException(ApiErrorInfo info)
        : this(info, null, null)
    {
    }

    /// <summary>Initializes a new instance from what the SDK learned about the failure.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DigitalTwinApiException(ApiErrorInfo info, Exception? innerException)
        : this(info, null, innerException)
    {
    }

    /// <summary>Initializes a new instance with an explicit message.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">Message; when <see langword="null"/> one is composed from <paramref name="info"/>.</param>
    public DigitalTwinApiException(ApiErrorInfo info, string? message)
        : this(info, message, null)
    {
    }

    /// <summary>Initializes a new instance with an explicit message.</summary>
    /// <param name="info">The failure.</param>
    /// <param name="message">Message; when <see langword="null"/> one is composed from <paramref name="info"/>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DigitalTwinApiException(ApiErrorInfo info, string? message, Exception? innerException)
        : base(message ?? Compose(info ?? throw new ArgumentNullException(nameof(info))), innerException)
    {
        Info = info;
    }

    /// <summary>Gets everything known about the failure.</summary>
    public ApiErrorInfo Info { get; }

    /// <summary>Gets the vendor API name.</summary>
    public string Vendor => Info.Vendor;

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode => Info.StatusCode;

    /// <summary>Gets the request id the service returned, if any.</summary>
    public string? RequestId => Info.RequestId;

    /// <summary>Gets the primary vendor error code, if any.</summary>
    public string? ErrorCode => Info.ErrorCode;

    /// <summary>Gets the primary error title, if any.</summary>
    public string? ErrorTitle => Info.ErrorTitle;

    /// <summary>Gets the primary error detail, if any.</summary>
    public string? ErrorDetail => Info.ErrorDetail;

    /// <summary>Gets every error object the vendor returned.</summary>
    public IReadOnlyList<ApiError> Errors => Info.Errors;

    private static string Compose(ApiErrorInfo info)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{info.Vendor} returned {(int)info.StatusCode} ({info.StatusCode})");
        if (info.Method is not null && info.Path is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" for {info.Method} {info.Path}");
        }

        if (info.ErrorCode is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $": {info.ErrorCode}");
        }

        var title = info.ErrorTitle ?? info.ErrorDetail;
        if (title is not null)
        {
            text.Append(info.ErrorCode is null ? ": " : " - ").Append(title);
        }

        if (info.RequestId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" (request id {info.RequestId})");
        }

        return text.Append('.').ToString();
    }
}
