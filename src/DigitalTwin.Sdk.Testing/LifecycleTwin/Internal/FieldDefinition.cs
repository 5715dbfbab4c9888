namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>One field of an <see cref="EntitySchema"/> and how to read it from an entity.</summary>
/// <remarks>
/// Scalar getters return <see cref="string"/>, <see cref="double"/>, <see cref="long"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (written in UTC with <c>Z</c>), <see cref="LocalTimestamp"/> or <see langword="null"/>.
/// Object getters return the referenced entity or <see langword="null"/>; collection getters an <see cref="IReadOnlyList{T}"/> of objects.
/// </remarks>
internal sealed class FieldDefinition(string name, FieldKind kind, Func<object, object?> getter, EntitySchema? child = null)
{
    public string Name { get; } = name;

    public FieldKind Kind { get; } = kind;

    public EntitySchema? Child { get; } = child;

    public object? Get(object entity) => getter(entity);

    public static FieldDefinition Scalar<T>(string name, Func<T, object?> getter) =>
        new(name, FieldKind.Scalar, e => getter((T)e));

    public static FieldDefinition Object<T>(string name, EntitySchema child, Func<T, object?> getter) =>
        new(name, FieldKind.Object, e => getter((T)e), child);

    public static FieldDefinition Collection<T>(string name, EntitySchema child, Func<T, IReadOnlyList<object>> getter) =>
        new(name, FieldKind.Collection, e => getter((T)e), child);
}
