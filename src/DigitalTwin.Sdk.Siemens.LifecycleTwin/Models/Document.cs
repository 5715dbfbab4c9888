using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.LifecycleTwin.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>A document (file metadata) of a site (<c>/api/documents</c>, site-scoped by the <c>projectid</c> header).</summary>
/// <remarks>
/// Every property is optional: the server populates at least the fields named in the <c>select</c> header. Properties
/// the model does not declare are kept in <see cref="AdditionalProperties"/>.
/// </remarks>
public sealed record Document
{
    /// <summary>Gets the document's identifier.</summary>
    /// <value>Usually a GUID string.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the document's display name.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets the name of the stored file.</summary>
    /// <value>For example <c>manual.pdf</c>.</value>
    [JsonPropertyName("FileName")]
    public string? FileName { get; init; }

    /// <summary>Gets the file's media type.</summary>
    /// <value>For example <c>application/pdf</c>.</value>
    [JsonPropertyName("ContentType")]
    public string? ContentType { get; init; }

    /// <summary>Gets the file's size in bytes.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Size")]
    public long? Size { get; init; }

    /// <summary>Gets when the document was created (UTC).</summary>
    /// <value>Written back as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</value>
    [JsonPropertyName("CreatedOn")]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Gets the identifier of the site the document belongs to.</summary>
    /// <value>The site's <see cref="Site.Id"/>.</value>
    [JsonPropertyName("ProjectId")]
    public string? ProjectId { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
