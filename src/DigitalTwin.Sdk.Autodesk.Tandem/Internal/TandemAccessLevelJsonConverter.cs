using System.Text.Json.Serialization;
using System.Text.Json;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>Reads <c>accessLevel</c> as a number or a string and writes it back in the form it came in.</summary>
internal sealed class TandemAccessLevelJsonConverter : JsonConverter<TandemAccessLevel>
{
    public override TandemAccessLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var code) => new TandemAccessLevel(code),
        JsonTokenType.String when reader.GetString() is { Length: > 0 } name => new TandemAccessLevel(name),
        _ => throw new JsonException("accessLevel must be an integer or a non-empty string."),
    };

    public override void Write(Utf8JsonWriter writer, TandemAccessLevel value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Name is not null)
        {
            writer.WriteStringValue(value.Name);
        }
        else
        {
            writer.WriteNumberValue(value.Code ?? 0);
        }
    }
}
