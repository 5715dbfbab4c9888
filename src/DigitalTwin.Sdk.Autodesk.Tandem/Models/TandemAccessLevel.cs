using System.Globalization;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>
/// The caller's level of access to a twin, group or model. The doc's schema types <c>accessLevel</c> as an integer
/// while its example sends names such as <c>"Owner"</c>; this type holds whichever form the service sent.
/// </summary>
[JsonConverter(typeof(TandemAccessLevelJsonConverter))]
public readonly record struct TandemAccessLevel
{
    /// <summary>Initializes an access level sent as a number.</summary>
    /// <param name="code">The numeric level.</param>
    public TandemAccessLevel(int code) => Code = code;

    /// <summary>Initializes an access level sent as a name.</summary>
    /// <param name="name">The level name, e.g. <c>Owner</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public TandemAccessLevel(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>Gets the <c>Owner</c> level as the service names it.</summary>
    public static TandemAccessLevel Owner { get; } = new("Owner");

    /// <summary>Gets the numeric level, or <see langword="null"/> when the service sent a name.</summary>
    public int? Code { get; }

    /// <summary>Gets the level name, or <see langword="null"/> when the service sent a number.</summary>
    public string? Name { get; }

    /// <summary>Gets a value indicating whether the level is <c>Owner</c> (by name, case-insensitive).</summary>
    public bool IsOwner => string.Equals(Name, "Owner", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Name ?? Code?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
