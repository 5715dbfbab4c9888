using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>What the core knows of Building X: its names. Its errors are JSON:API error objects with <c>X-Request-Id</c>, which the standard parser reads.</summary>
internal static class BuildingXDefinition
{
    /// <summary>Gets the definition.</summary>
    public static ClientDefinition Instance { get; } = new("BuildingX", BuildingXClient.VendorName, BuildingXOptions.SectionName);
}
