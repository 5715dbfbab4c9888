using System.Text.Json.Serialization;


namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>Body of <c>PUT /api/batterySaver</c>; <c>low</c>/<c>high</c> are omitted when <see langword="null"/>.</summary>
/// <param name="Enabled">Whether to enable the battery saver (<c>value</c>).</param>
/// <param name="Low">State of charge to shut off at (<c>low</c>, 0-40), or <see langword="null"/>.</param>
/// <param name="High">State of charge to stop charging at (<c>high</c>, 60-100), or <see langword="null"/>.</param>
internal sealed record BatterySaverRequest(
    [property: JsonPropertyName("value")] bool Enabled,
    [property: JsonPropertyName("low"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Low,
    [property: JsonPropertyName("high"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? High);
