using System.Text.Json;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>Writes entities as JSON objects, limited to a <see cref="Selection"/> (plus <c>Id</c>).</summary>
internal static class EntityWriter
{
    public static void Write(Utf8JsonWriter writer, object entity, EntitySchema schema, Selection? selection)
    {
        writer.WriteStartObject();
        foreach (var field in schema.Fields)
        {
            Selection? child = null;
            if (selection is not null && !selection.Includes(field, out child))
            {
                continue;
            }

            writer.WritePropertyName(field.Name);
            var value = field.Get(entity);
            switch (field.Kind)
            {
                case FieldKind.Object when value is not null:
                    Write(writer, value, field.Child!, child);
                    break;
                case FieldKind.Collection:
                    writer.WriteStartArray();
                    foreach (var element in value as IReadOnlyList<object> ?? [])
                    {
                        Write(writer, element, field.Child!, child);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    WriteScalar(writer, value);
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case DateTimeOffset t:
                writer.WriteStringValue(Values.FormatUtc(t));
                break;
            case LocalTimestamp t:
                writer.WriteStringValue(Values.FormatLocal(t.Value));
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
