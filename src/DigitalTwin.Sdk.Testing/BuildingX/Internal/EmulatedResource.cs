using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>One stored JSON:API resource of the emulator.</summary>
internal sealed class EmulatedResource(string type, string id)
{
    public string Type { get; } = type;

    public string Id { get; } = id;

    public JsonObject Attributes { get; set; } = [];

    /// <summary>Attributes sent only when asked for with the <c>field</c> parameter.</summary>
    public JsonObject HiddenAttributes { get; set; } = [];

    public Dictionary<string, EmulatedRelationship> Relationships { get; } = new(StringComparer.Ordinal);

    public EmulatedIdentifier Identifier => new(Type, Id);
}
