using System.Text.Json;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>Parses the <c>sort</c> header: <c>{"Name": "ascending", "Id": "descending"}</c> (primary key first).</summary>
internal static class SortParser
{
    public static IReadOnlyList<SortKey> Parse(string header, EntitySchema schema)
    {
        try
        {
            using var document = JsonDocument.Parse(header);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new QueryException("Malformed sort header: it must be a JSON object of field paths and directions.");
            }

            var keys = new List<SortKey>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var path = FieldPath.Parse(property.Name, schema, "sort");
                if (path.FinalKind != FieldKind.Scalar || path.FansOut)
                {
                    throw new QueryException($"Cannot sort by '{property.Name}': it is not a single value.");
                }

                var direction = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                var descending = direction?.ToLowerInvariant() switch
                {
                    "ascending" => false,
                    "descending" => true,
                    _ => throw new QueryException($"Sort direction for '{property.Name}' must be 'ascending' or 'descending'."),
                };
                keys.Add(new SortKey(path, descending));
            }

            return keys;
        }
        catch (JsonException ex)
        {
            throw new QueryException($"Malformed sort header: {ex.Message}", ex);
        }
    }
}
