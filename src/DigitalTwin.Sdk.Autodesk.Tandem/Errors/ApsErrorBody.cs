using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Errors;

/// <summary>
/// An error body of APS: the Data API form (<c>developerMessage</c>, <c>userMessage</c>, <c>errorCode</c>, <c>moreInfo</c>)
/// or the OAuth form (<c>error</c>, <c>error_description</c>).
/// </summary>
public sealed record ApsErrorBody
{
    /// <summary>Gets the developer-facing message.</summary>
    public string? DeveloperMessage { get; init; }

    /// <summary>Gets the user-facing message.</summary>
    public string? UserMessage { get; init; }

    /// <summary>Gets the APS error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets a link to more information.</summary>
    public string? MoreInfo { get; init; }

    /// <summary>Gets the OAuth error code, e.g. <c>invalid_grant</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Gets the OAuth error description.</summary>
    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Gets the best code: <see cref="ErrorCode"/> or <see cref="Error"/>.</summary>
    [JsonIgnore]
    public string? Code => ErrorCode ?? Error;

    /// <summary>Gets the best message: <see cref="DeveloperMessage"/>, <see cref="ErrorDescription"/> or <see cref="UserMessage"/>.</summary>
    [JsonIgnore]
    public string? Message => DeveloperMessage ?? ErrorDescription ?? UserMessage;
}
