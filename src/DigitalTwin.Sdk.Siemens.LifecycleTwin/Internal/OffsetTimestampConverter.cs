using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Converter for the local timestamps of Lifecycle Twin (<c>CreatedOnLocal</c>, <c>ModifiedOnLocal</c>): reads any
/// ISO 8601 timestamp (no offset means UTC) keeping its offset, and writes it with the offset and a trimmed fraction,
/// e.g. <c>2022-10-18T14:32:17.023+00:00</c>, as the service does.
/// </summary>
internal sealed class OffsetTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimestampText.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value); // written with its offset and a trimmed fraction, '+' unescaped
}
