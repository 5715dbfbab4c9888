namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>The fields of an entity type, in the order they are written.</summary>
internal sealed class EntitySchema
{
    private readonly Dictionary<string, FieldDefinition> _byName;

    public EntitySchema(string name, params FieldDefinition[] fields)
    {
        Name = name;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Gets the entity type name used in error messages.</summary>
    public string Name { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Finds a field by name, ignoring case.</summary>
    public FieldDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
