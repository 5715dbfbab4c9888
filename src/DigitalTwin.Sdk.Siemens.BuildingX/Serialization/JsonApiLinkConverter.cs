using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>Reads a link given as a string or as a link object; writes a string when nothing but <c>href</c> is set.</summary>
internal sealed class JsonApiLinkConverter : JsonConverter<JsonApiLink>
{
    public override JsonApiLink Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new JsonApiLink(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A link must be a string, an object or null, not {reader.TokenType}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!root.TryGetProperty("href", out var href) || href.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A link object needs an href string.");
        }

        return new JsonApiLink(href.GetString()!)
        {
            Rel = Text(root, "rel"),
            Title = Text(root, "title"),
            MediaType = Text(root, "type"),
            Hreflang = Text(root, "hreflang"),
            Meta = root.TryGetProperty("meta", out var meta) ? meta.Clone() : null,
        };
    }

    public override void Write(Utf8JsonWriter writer, JsonApiLink value, JsonSerializerOptions options)
    {
        if (value.Rel is null && value.Title is null && value.MediaType is null && value.Hreflang is null && value.Meta is null)
        {
            writer.WriteStringValue(value.Href);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("href", value.Href);
        WriteIfSet(writer, "rel", value.Rel);
        WriteIfSet(writer, "title", value.Title);
        WriteIfSet(writer, "type", value.MediaType);
        WriteIfSet(writer, "hreflang", value.Hreflang);
        if (value.Meta is { } meta)
        {
            writer.WritePropertyName("meta");
            meta.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
