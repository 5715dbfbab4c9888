namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>A JSON:API resource identifier (type + id).</summary>
internal readonly record struct EmulatedIdentifier(string Type, string Id);
