using System.Buffers;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.ModelData;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>Writes the <c>history</c> body with timestamps as epoch milliseconds.</summary>
internal static class HistoryRequestSerializer
{
    internal static byte[] Serialize(HistoryRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (request.Min is { } min)
            {
                writer.WriteNumber("min", min.ToUnixTimeMilliseconds());
            }

            if (request.Max is { } max)
            {
                writer.WriteNumber("max", max.ToUnixTimeMilliseconds());
            }

            if (request.Timestamps is { } timestamps)
            {
                writer.WriteStartArray("timestamps");
                foreach (var timestamp in timestamps)
                {
                    writer.WriteNumberValue(timestamp.ToUnixTimeMilliseconds());
                }

                writer.WriteEndArray();
            }

            writer.WriteBoolean("includeChanges", request.IncludeChanges);
            writer.WriteBoolean("useFullTimestamps", request.UseFullTimestamps);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
