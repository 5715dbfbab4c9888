using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>Reads and writes relationship linkage that is either one identifier object or an array of them.</summary>
internal sealed class JsonApiRelationshipDataConverter : JsonConverter<JsonApiRelationshipData>
{
    public override JsonApiRelationshipData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return JsonApiRelationshipData.ToOne(ReadIdentifier(ref reader));
            case JsonTokenType.StartArray:
                var identifiers = new List<JsonApiResourceIdentifier>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    identifiers.Add(ReadIdentifier(ref reader));
                }

                return JsonApiRelationshipData.ToMany(identifiers);
            default:
                throw new JsonException($"Relationship data must be an object, an array or null, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, JsonApiRelationshipData value, JsonSerializerOptions options)
    {
        if (value.IsToMany)
        {
            writer.WriteStartArray();
            foreach (var identifier in value.Identifiers)
            {
                JsonSerializer.Serialize(writer, identifier, BuildingXJsonContext.Default.JsonApiResourceIdentifier);
            }

            writer.WriteEndArray();
        }
        else if (value.Single is { } single)
        {
            JsonSerializer.Serialize(writer, single, BuildingXJsonContext.Default.JsonApiResourceIdentifier);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static JsonApiResourceIdentifier ReadIdentifier(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A resource identifier must be an object.");
        }

        var identifier = JsonSerializer.Deserialize(ref reader, BuildingXJsonContext.Default.JsonApiResourceIdentifier);
        if (identifier is null || string.IsNullOrEmpty(identifier.Type) || identifier.Id is null)
        {
            throw new JsonException("A resource identifier needs a type and an id.");
        }

        return identifier;
    }
}
