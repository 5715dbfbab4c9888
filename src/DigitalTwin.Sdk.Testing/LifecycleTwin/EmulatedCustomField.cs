namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>A custom field value of an <see cref="EmulatedAsset"/> (an element of <c>CustomFields</c>).</summary>
/// <param name="Id">Custom field id; see <see cref="LifecycleTwinCustomFieldIds"/>.</param>
/// <param name="Name">Custom field name.</param>
/// <param name="Value">The value: a <see cref="string"/>, a <see cref="double"/> or a <see cref="bool"/>.</param>
public sealed record EmulatedCustomField(string Id, string Name, object Value);
