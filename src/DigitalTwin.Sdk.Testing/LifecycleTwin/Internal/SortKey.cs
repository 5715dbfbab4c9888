namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>One key of a <c>sort</c> header.</summary>
/// <param name="Path">The field path (no collection fan-out).</param>
/// <param name="Descending">Whether the order is descending.</param>
internal sealed record SortKey(FieldPath Path, bool Descending);
