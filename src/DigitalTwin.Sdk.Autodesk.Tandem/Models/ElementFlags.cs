namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>
/// The type of an element, read from the scan column <c>n:a</c> (<see cref="ElementRow.Flags"/>): tells a stream
/// from a level, a room or an ordinary element.
/// </summary>
/// <remarks>
/// Values from <c>ElementFlags</c> in <c>autodesk-tandem/tutorial-rest</c> <c>common/constants.js</c>. The service may
/// send values not listed here; they are kept as they are. Use <see cref="ElementFlagsExtensions.IsLogical"/> and
/// <see cref="ElementFlagsExtensions.ToKeyKind"/> to pick the prefix of the element's full key.
/// </remarks>
public enum ElementFlags : uint
{
    /// <summary>An ordinary (physical) element (<c>0x00000000</c>).</summary>
    SimpleElement = 0x00000000,

    /// <summary>A room (<c>0x00000005</c>); physical.</summary>
    Room = 0x00000005,

    /// <summary>A family type (<c>0x01000000</c>).</summary>
    FamilyType = 0x01000000,

    /// <summary>A level (<c>0x01000001</c>).</summary>
    Level = 0x01000001,

    /// <summary>A document root (<c>0x01000002</c>).</summary>
    DocumentRoot = 0x01000002,

    /// <summary>A stream (<c>0x01000003</c>): an element whose readings the timeseries API holds.</summary>
    Stream = 0x01000003,

    /// <summary>A system (<c>0x01000004</c>).</summary>
    System = 0x01000004,

    /// <summary>A generic asset (<c>0x01000005</c>).</summary>
    GenericAsset = 0x01000005,

    /// <summary>A collection (<c>0x01000006</c>).</summary>
    Collection = 0x01000006,

    /// <summary>A ticket (<c>0x01000007</c>).</summary>
    Ticket = 0x01000007,

    /// <summary>A deleted element (<c>0xfffffffe</c>).</summary>
    Deleted = 0xfffffffe,
}

/// <summary>Helpers on <see cref="ElementFlags"/>.</summary>
public static class ElementFlagsExtensions
{
    /// <summary>The mask of the bits that mark a logical element (<c>0xff000000</c>, <c>AllLogicalMask</c> in the tutorial constants).</summary>
    public const uint AllLogicalMask = 0xff000000;

    /// <summary>Gets a value indicating whether flags describe a logical element (any bit of <see cref="AllLogicalMask"/> set).</summary>
    /// <param name="flags">The element flags.</param>
    /// <returns><see langword="true"/> for a logical element (stream, level, system, …).</returns>
    public static bool IsLogical(this ElementFlags flags) => ((uint)flags & AllLogicalMask) != 0;

    /// <summary>Gets the prefix of the element's full key.</summary>
    /// <param name="flags">The element flags.</param>
    /// <returns><see cref="ElementKeyKind.Logical"/> for a logical element, otherwise <see cref="ElementKeyKind.Physical"/>.</returns>
    public static ElementKeyKind ToKeyKind(this ElementFlags flags) => flags.IsLogical() ? ElementKeyKind.Logical : ElementKeyKind.Physical;
}
