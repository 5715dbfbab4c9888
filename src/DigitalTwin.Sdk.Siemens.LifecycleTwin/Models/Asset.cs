using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>A Lifecycle Twin asset (component, equipment) of a site (<c>/api/assets</c>, site-scoped by the <c>projectid</c> header).</summary>
/// <remarks>
/// Every property is optional: the server populates at least the fields named in the <c>select</c> header. Select
/// referenced fields and collections (<see cref="Location"/>, <see cref="Systems"/>, <see cref="ModelObjects"/>,
/// <see cref="CustomFields"/>) only when needed — the vendor warns each one costs a JOIN. Properties the model does not
/// declare are kept in <see cref="AdditionalProperties"/>.
/// </remarks>
public sealed record Asset
{
    /// <summary>Gets the asset's identifier.</summary>
    /// <value>Usually a GUID string.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the asset's name.</summary>
    /// <value>For example <c>ISB-020-000--000_1000319</c>.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets the asset's description.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Description")]
    public string? Description { get; init; }

    /// <summary>Gets the identifier of the site the asset belongs to.</summary>
    /// <value>The site's <see cref="Site.Id"/>.</value>
    [JsonPropertyName("ProjectId")]
    public string? ProjectId { get; init; }

    /// <summary>Gets the manufacturer's serial number.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("SerialNumber")]
    public string? SerialNumber { get; init; }

    /// <summary>Gets the quantity.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Quantity")]
    public decimal? Quantity { get; init; }

    /// <summary>Gets when the asset was installed (UTC).</summary>
    /// <value>Written back as <c>yyyy-MM-ddTHH:mm:ssZ</c>; <see langword="null"/> when not returned.</value>
    [JsonPropertyName("InstallationDate")]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? InstallationDate { get; init; }

    /// <summary>Gets when the asset was created (UTC).</summary>
    /// <value>Written back as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</value>
    [JsonPropertyName("CreatedOn")]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Gets the location the asset is in.</summary>
    /// <value><see langword="null"/> when not selected.</value>
    [JsonPropertyName("Location")]
    public EntityReference? Location { get; init; }

    /// <summary>Gets the systems the asset belongs to.</summary>
    /// <value><see langword="null"/> when not selected.</value>
    [JsonPropertyName("Systems")]
    public IReadOnlyList<EntityReference>? Systems { get; init; }

    /// <summary>Gets the BIM model objects linked to the asset.</summary>
    /// <value><see langword="null"/> when not selected.</value>
    [JsonPropertyName("ModelObjects")]
    public IReadOnlyList<ModelObjectReference>? ModelObjects { get; init; }

    /// <summary>Gets the asset's custom field values.</summary>
    /// <value><see langword="null"/> when not selected.</value>
    [JsonPropertyName("CustomFields")]
    public IReadOnlyList<CustomFieldValue>? CustomFields { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
