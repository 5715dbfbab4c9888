using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>A document linked to a facility (an entry of <c>docs</c>).</summary>
public sealed record TwinDocument
{
    /// <summary>Gets the optional Autodesk Docs account id where the original document is stored.</summary>
    public string? AccAccountId { get; init; }

    /// <summary>Gets the optional item (lineage) id of the document.</summary>
    public string? AccLineage { get; init; }

    /// <summary>Gets the optional Autodesk Docs project id where the original document is stored.</summary>
    public string? AccProjectId { get; init; }

    /// <summary>Gets the optional version of the document.</summary>
    public string? AccVersion { get; init; }

    /// <summary>Gets the content type, e.g. <c>application/pdf</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Gets the unique id of the document, e.g. <c>urn:adsk.dtd:...</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the optional label.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the optional time of the last modification.</summary>
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Gets the document name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the S3 storage location.</summary>
    public string? S3Path { get; init; }

    /// <summary>Gets the optional signed URL of the content; it may be on another origin than the API.</summary>
    public Uri? SignedLink { get; init; }

    /// <summary>Gets a value indicating whether the upload is still pending (the document is not readable yet).</summary>
    public bool? UploadPending { get; init; }

    /// <summary>Gets the fields the SDK does not model yet.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement> AdditionalProperties { get; internal set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
