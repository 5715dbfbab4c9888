using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>A document or folder of a site (<c>/api/documents</c>, site-scoped by the <c>projectid</c> header).</summary>
/// <remarks>
/// <para>Documents live in a folder tree: folders have <see cref="IsFolder"/> set, every item but the root folder has a
/// <see cref="Parent"/>, and a document's content is in its <see cref="Files"/> (vendor examples "Find document",
/// "Create document", "Create folder").</para>
/// <para>Every property is optional: the server populates at least the fields named in the <c>select</c> header.
/// Properties the model does not declare are kept in <see cref="AdditionalProperties"/>.</para>
/// </remarks>
public sealed record Document
{
    /// <summary>Gets the document's identifier.</summary>
    /// <value>Usually a GUID string.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the document's or folder's name.</summary>
    /// <value>For example <c>230500-AHU C1 Performance Data.pdf</c>.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets a value indicating whether this item is a folder.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("IsFolder")]
    public bool? IsFolder { get; init; }

    /// <summary>Gets the folder holding this item.</summary>
    /// <value><see langword="null"/> for the root folder or when not returned.</value>
    [JsonPropertyName("Parent")]
    public EntityReference? Parent { get; init; }

    /// <summary>Gets the stored files of the document.</summary>
    /// <value>Empty for a folder; <see langword="null"/> when not selected.</value>
    [JsonPropertyName("Files")]
    public IReadOnlyList<DocumentFile>? Files { get; init; }

    /// <summary>Gets the document's category.</summary>
    /// <value><see langword="null"/> when not selected or not set.</value>
    [JsonPropertyName("Category")]
    public EntityReference? Category { get; init; }

    /// <summary>Gets when the document was created (UTC).</summary>
    /// <value>Written back as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</value>
    [JsonPropertyName("CreatedOn")]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Gets when the document was last modified (UTC).</summary>
    /// <value>Written back as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</value>
    [JsonPropertyName("ModifiedOn")]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? ModifiedOn { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
