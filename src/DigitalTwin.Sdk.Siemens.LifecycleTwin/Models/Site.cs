using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Models;

/// <summary>
/// A Lifecycle Twin site (called a project in the API: <c>/api/clientprojects</c>), belonging to the portfolio named by
/// the <c>clientname</c> header.
/// </summary>
/// <remarks>
/// Every property is optional: the server populates at least the fields named in the <c>select</c> header (and some
/// others regardless). Properties the model does not declare are kept in <see cref="AdditionalProperties"/> and written
/// back when the model is serialized.
/// </remarks>
public sealed record Site
{
    /// <summary>Gets the site's identifier, used as the <c>projectid</c> header for site-scoped resources.</summary>
    /// <value>Usually a GUID string, e.g. <c>2f4978fe-ab1c-4d66-be94-2086d0887a86</c>; kept as text because the service does not guarantee the format.</value>
    [JsonPropertyName("Id")]
    public string? Id { get; init; }

    /// <summary>Gets the site's name.</summary>
    /// <value>For example <c>Building1</c>.</value>
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary>Gets a value indicating whether the site is enabled.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("IsEnabled")]
    public bool? IsEnabled { get; init; }

    /// <summary>Gets when the site was created (UTC).</summary>
    /// <value>Written back as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</value>
    [JsonPropertyName("CreatedOn")]
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>Gets when the site was created, with the site's local offset.</summary>
    /// <value>For example <c>2022-10-18T14:32:17.023+00:00</c>.</value>
    [JsonPropertyName("CreatedOnLocal")]
    [JsonConverter(typeof(OffsetTimestampConverter))]
    public DateTimeOffset? CreatedOnLocal { get; init; }

    /// <summary>Gets when the site was last modified, with the site's local offset.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("ModifiedOnLocal")]
    [JsonConverter(typeof(OffsetTimestampConverter))]
    public DateTimeOffset? ModifiedOnLocal { get; init; }

    /// <summary>Gets the city the site is in.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("CityName")]
    public string? CityName { get; init; }

    /// <summary>Gets the organisation that owns the site, as a reference object (vendor guide "Create": <c>"OwnerOrganization": {"Id": "…"}</c>).</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("OwnerOrganization")]
    public EntityReference? OwnerOrganization { get; init; }

    /// <summary>Gets the site's latitude in degrees.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Latitude")]
    public double? Latitude { get; init; }

    /// <summary>Gets the site's longitude in degrees.</summary>
    /// <value><see langword="null"/> when not returned.</value>
    [JsonPropertyName("Longitude")]
    public double? Longitude { get; init; }

    /// <summary>Gets the site's location.</summary>
    /// <value><see langword="null"/> when not selected.</value>
    [JsonPropertyName("Location")]
    public SiteLocation? Location { get; init; }

    /// <summary>Gets the JSON properties this model does not declare, kept so nothing the service sends is lost.</summary>
    /// <value><see langword="null"/> when the service sent no other properties.</value>
    /// <remarks>Set only by deserialization (the serializer requires a setter it can call outside an object initializer).</remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }
}
