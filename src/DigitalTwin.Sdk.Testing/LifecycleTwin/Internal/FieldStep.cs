namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>One segment of a <see cref="FieldPath"/>: a field, and for collections which elements.</summary>
/// <param name="Field">The field.</param>
/// <param name="ElementId">For <c>Field[id]</c>, the id of the one element; otherwise <see langword="null"/> (every element).</param>
internal sealed record FieldStep(FieldDefinition Field, string? ElementId);
