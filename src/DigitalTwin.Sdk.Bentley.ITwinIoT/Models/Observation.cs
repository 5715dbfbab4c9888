using System.Globalization;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Models;

/// <summary>
/// One data point: a timestamp and a value (or, for multi-valued readings, values). A small struct so long series
/// stream without per-point objects.
/// </summary>
public readonly struct Observation : IEquatable<Observation>
{
    /// <summary>Initializes a new instance of the <see cref="Observation"/> struct with a single value.</summary>
    /// <param name="timestamp">When it was recorded.</param>
    /// <param name="value">The value; <see cref="double.NaN"/> when the server sent <c>null</c>.</param>
    public Observation(DateTimeOffset timestamp, double value)
    {
        Timestamp = timestamp;
        Value = value;
        Values = null;
    }

    /// <summary>Initializes a new instance of the <see cref="Observation"/> struct with several values.</summary>
    /// <param name="timestamp">When it was recorded.</param>
    /// <param name="values">The values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public Observation(DateTimeOffset timestamp, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Timestamp = timestamp;
        Value = values.Length > 0 ? values[0] : double.NaN;
        Values = values;
    }

    /// <summary>Gets when the observation was recorded (UTC).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the value (the first one for a multi-valued reading).</summary>
    public double Value { get; }

    /// <summary>Gets all values of a multi-valued reading, or <see langword="null"/> for a single value.</summary>
    public IReadOnlyList<double>? Values { get; }

    /// <inheritdoc />
    public bool Equals(Observation other) =>
        Timestamp == other.Timestamp
        && Value.Equals(other.Value)
        && (ReferenceEquals(Values, other.Values) || (Values is not null && other.Values is not null && Values.SequenceEqual(other.Values)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Observation other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Timestamp, Value);

    /// <inheritdoc />
    public override string ToString() =>
        Values is null
            ? string.Create(CultureInfo.InvariantCulture, $"{Timestamp:O} {Value}")
            : string.Create(CultureInfo.InvariantCulture, $"{Timestamp:O} [{string.Join(", ", Values)}]");

    /// <summary>Compares two observations.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Observation left, Observation right) => left.Equals(right);

    /// <summary>Compares two observations.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Observation left, Observation right) => !left.Equals(right);
}
