using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>A device of an <see cref="IntegrationResult"/> with its sensors.</summary>
public sealed record IntegrationDeviceResult
{
    /// <summary>Gets the device.</summary>
    [JsonPropertyName("device")]
    public ITwinIoTEntity? Device { get; init; }

    /// <summary>Gets the sensors.</summary>
    [JsonPropertyName("sensors")]
    public IReadOnlyList<ITwinIoTEntity> Sensors { get; init; } = [];

    /// <summary>Gets or sets members the model does not define (settable because source-generated System.Text.Json cannot fill an init-only extension property).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
