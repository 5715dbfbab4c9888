namespace DigitalTwin.Sdk.Testing.BuildingX.Internal;

/// <summary>Linkage of one relationship of an emulated resource.</summary>
internal sealed class EmulatedRelationship(bool toMany, List<EmulatedIdentifier> targets)
{
    public bool ToMany { get; } = toMany;

    public List<EmulatedIdentifier> Targets { get; } = targets;

    public static EmulatedRelationship One(string type, string id) => new(false, [new EmulatedIdentifier(type, id)]);

    public static EmulatedRelationship Many(IEnumerable<EmulatedIdentifier> targets) => new(true, [.. targets]);
}
