namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// Parses the JSON-like <c>select</c> header: <c>{"Id", "Name", "CustomFields": {"Id", "Value"}}</c>.
/// Grammar: <c>object := '{' [item (',' item)*] '}'</c>, <c>item := '"' name '"' [':' object]</c>, any whitespace between tokens.
/// </summary>
internal static class SelectParser
{
    public static Selection Parse(string text, EntitySchema schema)
    {
        var position = 0;
        var selection = ParseObject(text, ref position, schema);
        SkipWhitespace(text, ref position);
        if (position != text.Length)
        {
            throw Malformed(text, position);
        }

        return selection;
    }

    private static Selection ParseObject(string text, ref int position, EntitySchema schema)
    {
        Expect(text, ref position, '{');
        var selection = new Selection();
        SkipWhitespace(text, ref position);
        if (Peek(text, position) == '}')
        {
            position++;
            return selection;
        }

        while (true)
        {
            var name = ParseName(text, ref position);
            var field = schema.Find(name) ?? throw new QueryException($"Unknown field '{name}' in select.");
            Selection? child = null;
            SkipWhitespace(text, ref position);
            if (Peek(text, position) == ':')
            {
                position++;
                if (field.Child is null)
                {
                    throw new QueryException($"Field '{field.Name}' in select has no fields to select.");
                }

                SkipWhitespace(text, ref position);
                child = ParseObject(text, ref position, field.Child);
            }

            Merge(selection, field, child);
            SkipWhitespace(text, ref position);
            var next = Peek(text, position);
            position++;
            if (next == '}')
            {
                return selection;
            }

            if (next != ',')
            {
                throw Malformed(text, position - 1);
            }
        }
    }

    private static void Merge(Selection selection, FieldDefinition field, Selection? child)
    {
        if (!selection.Fields.TryGetValue(field, out var existing))
        {
            selection.Fields[field] = child;
        }
        else if (existing is not null && child is not null)
        {
            foreach (var (subField, subSelection) in child.Fields)
            {
                Merge(existing, subField, subSelection);
            }
        }
        else
        {
            // One of the two asked for the whole field.
            selection.Fields[field] = null;
        }
    }

    private static string ParseName(string text, ref int position)
    {
        SkipWhitespace(text, ref position);
        Expect(text, ref position, '"');
        var start = position;
        while (position < text.Length && text[position] != '"')
        {
            var c = text[position];
            var valid = char.IsAsciiLetter(c) || c == '_' || (position > start && char.IsAsciiDigit(c));
            if (!valid)
            {
                throw Malformed(text, position);
            }

            position++;
        }

        if (position == start || position >= text.Length)
        {
            throw Malformed(text, position);
        }

        var name = text[start..position];
        position++;
        return name;
    }

    private static void Expect(string text, ref int position, char expected)
    {
        SkipWhitespace(text, ref position);
        if (Peek(text, position) != expected)
        {
            throw Malformed(text, position);
        }

        position++;
    }

    private static char Peek(string text, int position) => position < text.Length ? text[position] : '\0';

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    private static QueryException Malformed(string text, int position) =>
        new(position < text.Length
            ? $"Malformed select header: unexpected '{text[position]}' at position {position}."
            : "Malformed select header: unexpected end.");
}
