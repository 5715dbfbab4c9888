using System.Globalization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// A value for a metric calculation parameter, written as <c>{"value": ..., "unit": ...}</c>
/// (e.g. <c>"ZERO_DATE": {"value": "2017-03-01T22:00:00.000Z"}</c>, <c>"AZIMUTH_XY": {"value": 90}</c>).
/// </summary>
public sealed record MetricParameter
{
    private MetricParameter(string? text, double? number, string? unit)
    {
        Text = text;
        Number = number;
        Unit = unit;
    }

    /// <summary>Gets the string value, when the value is a string or date.</summary>
    public string? Text { get; }

    /// <summary>Gets the numeric value, when the value is a number.</summary>
    public double? Number { get; }

    /// <summary>Gets the optional unit of the value.</summary>
    public string? Unit { get; }

    /// <summary>Creates a numeric parameter value.</summary>
    /// <param name="value">The number.</param>
    /// <param name="unit">Optional unit.</param>
    /// <returns>The parameter.</returns>
    public static MetricParameter FromNumber(double value, string? unit = null) => new(null, value, unit);

    /// <summary>Creates a date parameter value (sent in ISO format with milliseconds, UTC).</summary>
    /// <param name="value">The date.</param>
    /// <returns>The parameter.</returns>
    public static MetricParameter FromDate(DateTimeOffset value) =>
        new(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), null, null);

    /// <summary>Creates a string parameter value.</summary>
    /// <param name="value">The text.</param>
    /// <param name="unit">Optional unit.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static MetricParameter FromString(string value, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null, unit);
    }
}
