using System.Text.Json;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// Compiles a <c>filter</c> header (<c>{"clause":{"path":value, ...}, ...}</c>) into a predicate. Every member of every
/// clause must hold (AND); a path that reaches several values (a collection) matches when any value does.
/// </summary>
internal static class FilterCompiler
{
    public static Func<object, bool> Compile(string header, EntitySchema schema)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException ex)
        {
            throw new QueryException($"Malformed filter header: {ex.Message}", ex);
        }

        using (document)
        {
            return CompileObject(document.RootElement, schema);
        }
    }

    private static Func<object, bool> CompileObject(JsonElement filter, EntitySchema schema)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            throw new QueryException("Malformed filter header: a filter must be a JSON object of clauses.");
        }

        var terms = new List<Func<object, bool>>();
        foreach (var clause in filter.EnumerateObject())
        {
            var name = clause.Name.ToLowerInvariant();
            if (!IsClause(name))
            {
                throw new QueryException($"Unknown filter clause '{clause.Name}'.");
            }

            if (clause.Value.ValueKind != JsonValueKind.Object)
            {
                throw new QueryException($"The '{clause.Name}' clause must be an object of field paths and values.");
            }

            foreach (var member in clause.Value.EnumerateObject())
            {
                var path = FieldPath.Parse(member.Name, schema, "filter");
                terms.Add(CompileTerm(name, path, member.Value));
            }
        }

        var all = terms.ToArray();
        return entity =>
        {
            foreach (var term in all)
            {
                if (!term(entity))
                {
                    return false;
                }
            }

            return true;
        };
    }

    private static bool IsClause(string name) => name is "contains" or "any" or "ends_with" or "equals" or "greater_than"
        or "greater_than_or_equals" or "is_empty" or "less_than" or "less_than_or_equals" or "starts_with" or "in";

    private static Func<object, bool> CompileTerm(string clause, FieldPath path, JsonElement value)
    {
        switch (clause)
        {
            case "is_empty":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new QueryException($"The is_empty value for '{path.Text}' must be true or false.");
                }

                var wanted = value.ValueKind == JsonValueKind.True;
                return entity => IsEmpty(path, entity) == wanted;
            case "any":
                if (path.FinalKind == FieldKind.Scalar)
                {
                    throw new QueryException($"Field '{path.Text}' in filter is not a collection or object; 'any' needs one.");
                }

                var nested = CompileObject(value, path.FinalSchema!);
                return entity => Any(path, entity, nested);
        }

        if (path.FinalKind != FieldKind.Scalar)
        {
            throw new QueryException($"Field '{path.Text}' in filter is not a value; name one of its fields.");
        }

        if (clause == "in")
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new QueryException($"The in value for '{path.Text}' must be an array.");
            }

            var options = value.EnumerateArray().Select(e => Scalar(e, path)).ToArray();
            return entity => Matches(path, entity, v => options.Any(o => Values.AreEqual(v, o)), matchNone: false);
        }

        var scalar = Scalar(value, path);
        return clause switch
        {
            "equals" => entity => Matches(path, entity, v => Values.AreEqual(v, scalar), matchNone: scalar.Kind == JsonValueKind.Null),
            "contains" => TextTerm(path, scalar, static (field, text) => field.Contains(text, StringComparison.OrdinalIgnoreCase)),
            "starts_with" => TextTerm(path, scalar, static (field, text) => field.StartsWith(text, StringComparison.OrdinalIgnoreCase)),
            "ends_with" => TextTerm(path, scalar, static (field, text) => field.EndsWith(text, StringComparison.OrdinalIgnoreCase)),
            "greater_than" => OrderTerm(path, scalar, static c => c > 0),
            "greater_than_or_equals" => OrderTerm(path, scalar, static c => c >= 0),
            "less_than" => OrderTerm(path, scalar, static c => c < 0),
            _ => OrderTerm(path, scalar, static c => c <= 0),
        };
    }

    private static FilterValue Scalar(JsonElement value, FieldPath path) =>
        FilterValue.From(value) ?? throw new QueryException($"The value for '{path.Text}' must be a string, number, boolean or null.");

    private static Func<object, bool> TextTerm(FieldPath path, FilterValue value, Func<string, string, bool> test)
    {
        if (value.Kind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            throw new QueryException($"The value for '{path.Text}' must be a string.");
        }

        var text = value.Text;
        return entity => Matches(path, entity, v => Values.Text(v) is { } field && test(field, text), matchNone: false);
    }

    private static Func<object, bool> OrderTerm(FieldPath path, FilterValue value, Func<int, bool> test)
    {
        if (value.Kind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            throw new QueryException($"The value for '{path.Text}' must be a string or a number.");
        }

        return entity => Matches(path, entity, v => Values.Compare(v, value) is { } c && test(c), matchNone: false);
    }

    private static bool Matches(FieldPath path, object entity, Func<object?, bool> test, bool matchNone)
    {
        var values = new List<object?>(2);
        path.Collect(entity, values);
        if (values.Count == 0)
        {
            return matchNone;
        }

        foreach (var value in values)
        {
            if (test(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEmpty(FieldPath path, object entity)
    {
        var values = new List<object?>(2);
        path.Collect(entity, values);
        foreach (var value in values)
        {
            if (!Values.IsEmpty(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Any(FieldPath path, object entity, Func<object, bool> nested)
    {
        var values = new List<object?>(2);
        path.Collect(entity, values);
        foreach (var value in values)
        {
            if (value is IReadOnlyList<object> list)
            {
                foreach (var element in list)
                {
                    if (nested(element))
                    {
                        return true;
                    }
                }
            }
            else if (value is not null && nested(value))
            {
                return true;
            }
        }

        return false;
    }
}
