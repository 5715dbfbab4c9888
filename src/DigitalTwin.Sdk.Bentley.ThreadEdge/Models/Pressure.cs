using System.Globalization;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Models;

/// <summary>An atmospheric pressure reading that knows its unit (<c>GET /api/pressRead</c>).</summary>
/// <param name="Value">The value as the device reported it.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>: daPa, or hPa on V11 and older THREADs.</param>
public readonly record struct Pressure(double Value, PressureUnit Unit)
{
    /// <summary>Gets the pressure in pascals.</summary>
    public double Pascals => Unit == PressureUnit.Hectopascal ? Value * 100 : Value * 10;

    /// <summary>Gets the pressure in hectopascals (millibars).</summary>
    public double Hectopascals => Pascals / 100;

    /// <summary>Gets the pressure in decapascals.</summary>
    public double Decapascals => Pascals / 10;

    /// <summary>Returns the unit a THREAD of the given hardware version reports pressure in.</summary>
    /// <param name="hardwareVersion">The hardware version (<c>GET /api/hardware</c>), e.g. <c>V11</c>, <c>v12</c> or <c>12</c>.</param>
    /// <returns><see cref="PressureUnit.Hectopascal"/> for V11 and older, otherwise <see cref="PressureUnit.Decapascal"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="hardwareVersion"/> is empty or has no version number.</exception>
    public static PressureUnit UnitForHardware(string hardwareVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hardwareVersion);
        var start = 0;
        while (start < hardwareVersion.Length && !char.IsAsciiDigit(hardwareVersion[start]))
        {
            start++;
        }

        var end = start;
        while (end < hardwareVersion.Length && char.IsAsciiDigit(hardwareVersion[end]))
        {
            end++;
        }

        if (end == start || !int.TryParse(hardwareVersion.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            throw new ArgumentException("The hardware version has no version number (expected e.g. V11).", nameof(hardwareVersion));
        }

        return major <= 11 ? PressureUnit.Hectopascal : PressureUnit.Decapascal;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value} {(Unit == PressureUnit.Hectopascal ? "hPa" : "daPa")}");
}
