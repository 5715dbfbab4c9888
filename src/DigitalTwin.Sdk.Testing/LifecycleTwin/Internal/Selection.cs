namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// The fields a <c>select</c> header names at one nesting level. A field mapped to <see langword="null"/>
/// is written in full; a field mapped to a selection is written with just those subfields.
/// </summary>
internal sealed class Selection
{
    public Dictionary<FieldDefinition, Selection?> Fields { get; } = [];

    /// <summary>Whether <paramref name="field"/> is written; <c>Id</c> always is.</summary>
    public bool Includes(FieldDefinition field, out Selection? child)
    {
        if (Fields.TryGetValue(field, out child))
        {
            return true;
        }

        child = null;
        return string.Equals(field.Name, "Id", StringComparison.Ordinal);
    }
}
