using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// The <c>props</c> of an entity. The commonly documented keys are typed; every other key (there are many, per entity
/// type) is in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed record EntityProperties
{
    /// <summary>Gets the display name (<c>NAME</c>).</summary>
    [JsonPropertyName("NAME")]
    public string? Name { get; init; }

    /// <summary>Gets the connection the entity belongs to (<c>NODE_ID</c>).</summary>
    [JsonPropertyName("NODE_ID")]
    public string? NodeId { get; init; }

    /// <summary>Gets the owning project (<c>PROJECT_ID</c>).</summary>
    [JsonPropertyName("PROJECT_ID")]
    public string? ProjectId { get; init; }

    /// <summary>Gets whether the entity is accessible (<c>ACCESSIBLE</c>).</summary>
    [JsonPropertyName("ACCESSIBLE")]
    public bool? Accessible { get; init; }

    /// <summary>Gets the serial number (<c>SERIAL_NO</c>).</summary>
    [JsonPropertyName("SERIAL_NO")]
    public string? SerialNumber { get; init; }

    /// <summary>Gets the client software version of a connection (<c>VERSION</c>).</summary>
    [JsonPropertyName("VERSION")]
    public string? Version { get; init; }

    /// <summary>Gets the integration (template) id (<c>INTEGRATION_ID</c>).</summary>
    [JsonPropertyName("INTEGRATION_ID")]
    public string? IntegrationId { get; init; }

    /// <summary>Gets the location (<c>LOCATION</c>).</summary>
    [JsonPropertyName("LOCATION")]
    public GeoLocation? Location { get; init; }

    /// <summary>Gets the number of recorded observations (<c>OBSERVATION_COUNT</c>).</summary>
    [JsonPropertyName("OBSERVATION_COUNT")]
    public long? ObservationCount { get; init; }

    /// <summary>Gets the last communication time of a connection (<c>LAST_COMM</c>).</summary>
    [JsonPropertyName("LAST_COMM")]
    public DateTimeOffset? LastCommunication { get; init; }

    /// <summary>Gets the last observation (<c>LAST_OBSERVATION</c>).</summary>
    [JsonPropertyName("LAST_OBSERVATION")]
    public LastObservation? LastObservation { get; init; }

    /// <summary>Gets every other property.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
