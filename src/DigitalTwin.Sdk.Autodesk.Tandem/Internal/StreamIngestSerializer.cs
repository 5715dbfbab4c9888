using System.Buffers;
using System.Globalization;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>
/// Writes the <c>webhooks/generic</c> body: a JSON array of <c>{"id": full key, "timestamp": RFC 3339, "&lt;name&gt;": number}</c>
/// (aps.autodesk.com <c>tandem-data-generic-POST</c>: the reading time is read from <c>timestamp</c>, else the receive time is used).
/// </summary>
internal static class StreamIngestSerializer
{
    internal static byte[] Serialize(IReadOnlyCollection<StreamIngestItem> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteStartObject();
                writer.WriteString("id", item.StreamKey.ToString());
                if (item.Timestamp is { } timestamp)
                {
                    writer.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                }

                foreach (var (name, value) in item.Values)
                {
                    writer.WriteNumber(name, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
