using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Converter for the UTC timestamps of Lifecycle Twin (<c>CreatedOn</c>, <c>InstallationDate</c>): reads any ISO 8601
/// timestamp (no offset means UTC) and writes it in UTC with a <c>Z</c> suffix and a trimmed fraction, e.g.
/// <c>2022-10-18T14:32:17.023Z</c>, as the service does.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimestampText.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime); // a UTC DateTime is written with 'Z' and a trimmed fraction
}
