using System.Buffers;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>Writes the <c>history</c> body with timestamps as epoch milliseconds; <c>includeChanges</c> and <c>useFullKeys</c> always, as the vendor samples do.</summary>
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

            if (request.Limit is { } limit)
            {
                writer.WriteNumber("limit", limit);
            }

            if (request.TypeFilter is { } typeFilter)
            {
                writer.WriteString("typeFilter", typeFilter);
            }

            writer.WriteBoolean("includeChanges", request.IncludeChanges);
            writer.WriteBoolean("useFullKeys", request.UseFullKeys);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
