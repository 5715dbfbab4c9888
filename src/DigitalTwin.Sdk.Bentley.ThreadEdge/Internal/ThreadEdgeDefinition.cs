using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>What the core knows of the THREAD edge device: its names. Its error bodies are plain <c>{"message"}</c> objects, which the standard parser reads.</summary>
internal static class ThreadEdgeDefinition
{
    /// <summary>Gets the definition.</summary>
    public static ClientDefinition Instance { get; } = new("ThreadEdge", ThreadEdgeClient.VendorName, ThreadEdgeOptions.SectionName);
}
