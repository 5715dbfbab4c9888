namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>Shape of an entity field.</summary>
internal enum FieldKind
{
    /// <summary>A string, number, boolean or date.</summary>
    Scalar,

    /// <summary>A referenced object (e.g. <c>Location</c>).</summary>
    Object,

    /// <summary>A collection of objects (e.g. <c>Systems</c>, <c>CustomFields</c>).</summary>
    Collection,
}
