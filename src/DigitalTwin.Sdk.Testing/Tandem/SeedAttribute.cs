namespace DigitalTwin.Sdk.Testing.Tandem;

/// <summary>One attribute (column) of the seeded model schema.</summary>
internal sealed record SeedAttribute(string Family, string Column, string Name, string Category, int DataType)
{
    internal string Id => Family + ":" + Column;
}
