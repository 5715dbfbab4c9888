using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>The connection, devices and sensors an integration created or holds.</summary>
public sealed record IntegrationResult
{
    /// <summary>Gets the connection.</summary>
    [JsonPropertyName("node")]
    public ITwinIoTEntity? Node { get; init; }

    /// <summary>Gets the devices with their sensors.</summary>
    [JsonPropertyName("devices")]
    public IReadOnlyList<IntegrationDeviceResult> Devices { get; init; } = [];

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
