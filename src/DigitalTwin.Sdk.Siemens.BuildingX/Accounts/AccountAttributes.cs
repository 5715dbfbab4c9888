using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Accounts;

/// <summary>Attributes of the calling user.</summary>
public sealed record AccountAttributes
{
    /// <summary>Gets the user's display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the user's e-mail address; machine users may have none.</summary>
    public string? Email { get; init; }

    /// <summary>Gets attributes this model does not know (the vendor adds properties over time).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }
}
