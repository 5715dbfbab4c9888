namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>
/// The 4-byte big-endian prefix of a full <see cref="ElementKey"/>: whether the element is logical (streams, levels,
/// systems, …) or physical (geometry from a model, rooms).
/// </summary>
/// <remarks>Values from <c>KeyFlags</c> in <c>autodesk-tandem/tutorial-rest</c> <c>common/constants.js</c>.</remarks>
public enum ElementKeyKind : uint
{
    /// <summary>A physical element (<c>0x00000000</c>).</summary>
    Physical = 0x00000000,

    /// <summary>A logical element (<c>0x01000000</c>).</summary>
    Logical = 0x01000000,
}
