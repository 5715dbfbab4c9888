using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>
/// Readings of one stream, per property: the wire form is property id (e.g. <c>z:Dg</c>) → epoch milliseconds → value.
/// </summary>
public sealed record StreamReadings
{
    /// <summary>Initializes readings.</summary>
    /// <param name="properties">Readings by qualified property id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="properties"/> is <see langword="null"/>.</exception>
    public StreamReadings(IReadOnlyDictionary<string, IReadOnlyList<StreamReading>> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Properties = properties;
    }

    /// <summary>Gets the readings by qualified property id, each list in the order the service sent it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StreamReading>> Properties { get; }

    /// <summary>Gets the readings of one property.</summary>
    /// <param name="propertyId">Qualified property id, e.g. <c>z:Dg</c>.</param>
    /// <returns>The readings; empty when the property is absent.</returns>
    public IReadOnlyList<StreamReading> Get(string propertyId) =>
        Properties.TryGetValue(propertyId, out var readings) ? readings : [];

    /// <summary>Converts the wire form.</summary>
    /// <param name="wire">Property id → epoch milliseconds (text) → value.</param>
    /// <returns>The readings.</returns>
    /// <exception cref="JsonException">A key is not an epoch-millisecond number or a value is not a number.</exception>
    internal static StreamReadings FromWire(IReadOnlyDictionary<string, Dictionary<string, JsonElement>> wire)
    {
        var properties = new Dictionary<string, IReadOnlyList<StreamReading>>(wire.Count, StringComparer.Ordinal);
        foreach (var (propertyId, values) in wire)
        {
            var readings = new List<StreamReading>(values.Count);
            foreach (var (timestamp, value) in values)
            {
                if (!long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
                {
                    throw new JsonException($"Stream readings of '{propertyId}' must map epoch milliseconds to numbers.");
                }

                readings.Add(new StreamReading(DateTimeOffset.FromUnixTimeMilliseconds(ms), number));
            }

            properties[propertyId] = readings;
        }

        return new StreamReadings(properties);
    }
}
