using System.Globalization;
using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// A JSON literal used as the operand of a filter clause: a string, a number, <c>true</c>/<c>false</c> or
/// <c>null</c>. Converts implicitly from the supported .NET types, so <c>Filter.Equal("Quantity", 3)</c> and
/// <c>Filter.Equal("Name", "Pump")</c> both work.
/// </summary>
/// <remarks>
/// <para>Encoding rules (the JSON text is computed once, when the value is created):</para>
/// <list type="bullet">
/// <item><description><see cref="string"/>: a JSON string that is pure ASCII — <c>\"</c>, <c>\\</c>, control
/// characters and every non-ASCII character as <c>\uXXXX</c> (upper-case hex), characters outside the BMP as a
/// surrogate pair of escapes. A string with an unpaired surrogate is refused.</description></item>
/// <item><description><see cref="long"/>/<see cref="int"/>: invariant digits.</description></item>
/// <item><description><see cref="decimal"/>: invariant fixed-point digits, scale kept (<c>1.50m</c> → <c>1.50</c>), never an exponent.</description></item>
/// <item><description><see cref="double"/>: shortest round-trip invariant form; very large or small magnitudes use a
/// JSON exponent (<c>1E+21</c>). NaN and infinities are refused. Use <see cref="decimal"/> for exact fixed-point text.</description></item>
/// <item><description><see cref="bool"/>: <c>true</c>/<c>false</c>.</description></item>
/// <item><description><see cref="DateTimeOffset"/>: an ISO 8601 UTC string, e.g. <c>"2022-10-18T14:32:17.023Z"</c>
/// (fraction trimmed of trailing zeros).</description></item>
/// <item><description><see cref="DateTime"/>: the same; a local time is converted to UTC, an unspecified kind is taken as UTC.</description></item>
/// <item><description><see cref="Guid"/>: a string in <c>D</c> format, lower-case.</description></item>
/// </list>
/// <para><c>default(FilterValue)</c> is JSON <c>null</c>, as is a <see langword="null"/> string.</para>
/// </remarks>
public readonly struct FilterValue : IEquatable<FilterValue>
{
    private const string NullJson = "null";

    private readonly string? _json;

    private FilterValue(string json) => _json = json;

    /// <summary>Gets the JSON <c>null</c> value.</summary>
    /// <value>Equal to <c>default(FilterValue)</c>.</value>
    public static FilterValue Null => default;

    /// <summary>Gets a value indicating whether this is JSON <c>null</c>.</summary>
    /// <value><see langword="true"/> for <see cref="Null"/>.</value>
    public bool IsNull => _json is null;

    /// <summary>Gets the JSON text of the value as it appears in the header.</summary>
    /// <value>For example <c>"Pump"</c>, <c>3</c>, <c>true</c> or <c>null</c>.</value>
    public string Json => _json ?? NullJson;

    /// <summary>Creates a JSON string value.</summary>
    /// <param name="value">The string; <see langword="null"/> gives <see cref="Null"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains an unpaired UTF-16 surrogate.</exception>
    public static FilterValue FromString(string? value)
    {
        if (value is null)
        {
            return Null;
        }

        var builder = new StringBuilder(value.Length + 2);
        HeaderSyntax.AppendJsonString(builder, value, nameof(value));
        return new FilterValue(builder.ToString());
    }

    /// <summary>Creates a JSON number from an integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static FilterValue FromInt64(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a JSON number from a decimal, in fixed-point notation with its scale kept.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static FilterValue FromDecimal(decimal value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a JSON number from a double (shortest round-trip form).</summary>
    /// <param name="value">The number; must be finite.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or an infinity, which JSON cannot express.</exception>
    public static FilterValue FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"A filter value must be a finite number; {value.ToString(CultureInfo.InvariantCulture)} cannot be written as JSON.", nameof(value));
        }

        return new FilterValue(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Creates JSON <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static FilterValue FromBoolean(bool value) => new(value ? "true" : "false");

    /// <summary>Creates an ISO 8601 UTC date-time string, e.g. <c>"2022-10-18T14:32:17.023Z"</c>.</summary>
    /// <param name="value">The instant; its offset is normalised to UTC.</param>
    /// <returns>The value.</returns>
    public static FilterValue FromDateTimeOffset(DateTimeOffset value) =>
        new("\"" + value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) + "\"");

    /// <summary>Creates an ISO 8601 UTC date-time string from a <see cref="DateTime"/>.</summary>
    /// <param name="value">
    /// The date-time. <see cref="DateTimeKind.Local"/> values are converted to UTC; <see cref="DateTimeKind.Unspecified"/>
    /// values are taken as UTC already (as the SDK reads timestamps without an offset), never as the machine's local time.
    /// </param>
    /// <returns>The value, e.g. <c>"2022-10-18T14:32:17.023Z"</c>.</returns>
    public static FilterValue FromDateTime(DateTime value) =>
        FromDateTimeOffset(value.Kind == DateTimeKind.Local
            ? new DateTimeOffset(value)
            : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    /// <summary>Creates a GUID string in <c>D</c> format, e.g. <c>"b7da56c7-f498-40f7-9104-80ba51cd62ba"</c>.</summary>
    /// <param name="value">The GUID.</param>
    /// <returns>The value.</returns>
    public static FilterValue FromGuid(Guid value) => new("\"" + value.ToString("D") + "\"");

    /// <summary>Converts a string (see <see cref="FromString"/>).</summary>
    /// <param name="value">The string; <see langword="null"/> gives <see cref="Null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains an unpaired UTF-16 surrogate.</exception>
    public static implicit operator FilterValue(string? value) => FromString(value);

    /// <summary>Converts an integer (see <see cref="FromInt64"/>).</summary>
    /// <param name="value">The number.</param>
    public static implicit operator FilterValue(int value) => FromInt64(value);

    /// <summary>Converts an integer (see <see cref="FromInt64"/>).</summary>
    /// <param name="value">The number.</param>
    public static implicit operator FilterValue(long value) => FromInt64(value);

    /// <summary>Converts a decimal (see <see cref="FromDecimal"/>).</summary>
    /// <param name="value">The number.</param>
    public static implicit operator FilterValue(decimal value) => FromDecimal(value);

    /// <summary>Converts a double (see <see cref="FromDouble"/>).</summary>
    /// <param name="value">The number; must be finite.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or an infinity.</exception>
    public static implicit operator FilterValue(double value) => FromDouble(value);

    /// <summary>Converts a boolean (see <see cref="FromBoolean"/>).</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator FilterValue(bool value) => FromBoolean(value);

    /// <summary>Converts an instant (see <see cref="FromDateTimeOffset"/>).</summary>
    /// <param name="value">The instant.</param>
    public static implicit operator FilterValue(DateTimeOffset value) => FromDateTimeOffset(value);

    /// <summary>Converts a date-time (see <see cref="FromDateTime"/>: unspecified kind is taken as UTC).</summary>
    /// <param name="value">The date-time.</param>
    public static implicit operator FilterValue(DateTime value) => FromDateTime(value);

    /// <summary>Converts a GUID (see <see cref="FromGuid"/>).</summary>
    /// <param name="value">The GUID.</param>
    public static implicit operator FilterValue(Guid value) => FromGuid(value);

    /// <summary>Compares two values by their JSON text.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the JSON texts are equal.</returns>
    public static bool operator ==(FilterValue left, FilterValue right) => left.Equals(right);

    /// <summary>Compares two values by their JSON text.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the JSON texts differ.</returns>
    public static bool operator !=(FilterValue left, FilterValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FilterValue other) => string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FilterValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    /// <summary>Returns the JSON text (<see cref="Json"/>).</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => Json;
}
