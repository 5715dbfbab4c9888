using System.Text.Json.Nodes;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <summary>One element row of a seeded model: key and property versions, newest first.</summary>
internal sealed class SeedElement(string key)
{
    internal string Key { get; } = key;

    /// <summary>Property versions by qualified column id (<c>fam:col</c>), newest first.</summary>
    internal Dictionary<string, List<(long Timestamp, JsonNode? Value)>> Properties { get; } = new(StringComparer.Ordinal);

    internal void Set(string qualifiedColumn, long timestamp, JsonNode? value)
    {
        if (!Properties.TryGetValue(qualifiedColumn, out var versions))
        {
            versions = [];
            Properties[qualifiedColumn] = versions;
        }

        versions.Insert(0, (timestamp, value));
    }
}
