using System.Text.Json;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The getData baseline: one <see cref="Utf8JsonReader"/> pass over recorded frames producing the same output as the
/// SDK (each point's timestamp and value), with nothing else — no channel, no routing, no objects.
/// </summary>
public static class RawObservationReader
{
    /// <summary>Reads every point of every frame.</summary>
    /// <param name="frames">Recorded frames.</param>
    /// <returns>Number of points and a checksum of their values and timestamps.</returns>
    public static (long Points, double Checksum) Read(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        long points = 0;
        double checksum = 0;
        foreach (var frame in frames)
        {
            var reader = new Utf8JsonReader(frame);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 2 || !reader.ValueTextEquals("data"u8))
                {
                    continue;
                }

                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var timestamp = ParseTimestamp(reader.ValueSpan);
                    reader.Read();
                    checksum += reader.GetDouble() + (timestamp.Ticks & 1);
                    points++;
                }
            }
        }

        return (points, checksum);
    }

    private static DateTimeOffset ParseTimestamp(ReadOnlySpan<byte> s)
    {
        // yyyy-MM-ddTHH:mm:ss.fffZ, the form the service writes.
        if (s.Length != 24 || s[10] != 'T' || s[23] != 'Z')
        {
            throw new JsonException("Unexpected timestamp format.");
        }

        return new DateTimeOffset(D(s, 0, 4), D(s, 5, 2), D(s, 8, 2), D(s, 11, 2), D(s, 14, 2), D(s, 17, 2), D(s, 20, 3), TimeSpan.Zero);

        static int D(ReadOnlySpan<byte> s, int start, int length)
        {
            var value = 0;
            for (var i = start; i < start + length; i++)
            {
                value = (value * 10) + (s[i] - '0');
            }

            return value;
        }
    }
}
