using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>A stored file of a <see cref="Document"/>, as embedded in the document's <c>Files</c>.</summary>
/// <remarks>
/// Shape from the vendor examples "Create document" (<c>{"Size": 158064, "Name": "….xlsx", "ContentType":
/// "application/octet-stream"}</c>) and "Document new version" (<c>Name</c>, <c>Size</c>, <c>SourceType</c>). Download
/// the content with <c>GET /api/entities/{documentId}/files/{fileId}</c>.
/// </remarks>
public sealed record DocumentFile
{
    /// <summary>Gets the file's identifier (the <c>fileId</c> of a download).</summary>
    /// <value>Usually a GUID string.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the file name.</summary>
    /// <value>For example <c>2012-03-23-Duplex-Programming.xlsx</c>.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets the file's size in bytes.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Size")]
    public long? Size { get; init; }

    /// <summary>Gets the file's media type.</summary>
    /// <value>For example <c>application/octet-stream</c>.</value>
    [JsonPropertyName("ContentType")]
    public string? ContentType { get; init; }

    /// <summary>Gets the vendor's source-type code of the file.</summary>
    /// <value>For example <c>0</c>; the vendor does not document the codes.</value>
    [JsonPropertyName("SourceType")]
    public int? SourceType { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
