namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// A filter or sort path: <c>Name</c>, <c>Location.Name</c>, <c>Systems.Id</c>, <c>ModelObjects[].ObjectId</c>,
/// <c>CustomFields[4be891a7-58c8-4f14-8b5b-e878fe3016f3].Value</c>.
/// </summary>
internal sealed class FieldPath
{
    private FieldPath(string text, IReadOnlyList<FieldStep> steps)
    {
        Text = text;
        Steps = steps;
    }

    public string Text { get; }

    public IReadOnlyList<FieldStep> Steps { get; }

    /// <summary>Gets what the path ends on: a scalar, an object (including <c>Collection[id]</c>) or a whole collection.</summary>
    public FieldKind FinalKind => Steps[^1] switch
    {
        { ElementId: not null } => FieldKind.Object,
        var last => last.Field.Kind,
    };

    /// <summary>Gets the schema of the objects the path ends on, for <c>any</c>.</summary>
    public EntitySchema? FinalSchema => Steps[^1].Field.Child;

    /// <summary>Whether the path passes through every element of a collection (so it can yield several values).</summary>
    public bool FansOut
    {
        get
        {
            for (var i = 0; i < Steps.Count; i++)
            {
                var step = Steps[i];
                if (step.Field.Kind == FieldKind.Collection && step.ElementId is null && i < Steps.Count - 1)
                {
                    return true;
                }
            }

            return Steps[^1].Field.Kind == FieldKind.Collection && Steps[^1].ElementId is null;
        }
    }

    public static FieldPath Parse(string text, EntitySchema schema, string context)
    {
        var steps = new List<FieldStep>();
        var current = schema;
        var position = 0;
        while (true)
        {
            if (current is null)
            {
                throw Unknown(text, context);
            }

            var start = position;
            while (position < text.Length && text[position] is not ('.' or '['))
            {
                position++;
            }

            var field = current.Find(text[start..position]) ?? throw Unknown(text, context);
            string? elementId = null;
            if (position < text.Length && text[position] == '[')
            {
                var close = text.IndexOf(']', position);
                if (close < 0 || field.Kind != FieldKind.Collection)
                {
                    throw Unknown(text, context);
                }

                var inside = text[(position + 1)..close].Trim();
                elementId = inside.Length == 0 ? null : inside;
                if (elementId is not null && field.Child?.Find("Id") is null)
                {
                    throw Unknown(text, context);
                }

                position = close + 1;
            }

            steps.Add(new FieldStep(field, elementId));
            if (position == text.Length)
            {
                return new FieldPath(text, steps);
            }

            if (text[position] != '.')
            {
                throw Unknown(text, context);
            }

            position++;
            current = field.Child;
        }
    }

    /// <summary>Adds every value the path reaches from <paramref name="entity"/> to <paramref name="values"/>.</summary>
    /// <remarks>
    /// A missing reference (or a <c>[id]</c> without a match) adds <see langword="null"/>; a collection path adds one value
    /// per element (none for an empty collection); a path ending on a whole collection adds the collection itself.
    /// </remarks>
    public void Collect(object entity, List<object?> values) => Collect(entity, 0, values);

    /// <summary>Gets the single value of a path that does not fan out (for sorting).</summary>
    public object? GetSingle(object entity)
    {
        object? current = entity;
        foreach (var step in Steps)
        {
            if (current is null)
            {
                return null;
            }

            current = step.ElementId is null ? step.Field.Get(current) : FindElement(step, current);
        }

        return current;
    }

    private void Collect(object? current, int index, List<object?> values)
    {
        if (index == Steps.Count || current is null)
        {
            values.Add(current);
            return;
        }

        var step = Steps[index];
        if (step.Field.Kind != FieldKind.Collection)
        {
            Collect(step.Field.Get(current), index + 1, values);
            return;
        }

        if (step.ElementId is not null)
        {
            Collect(FindElement(step, current), index + 1, values);
            return;
        }

        var list = step.Field.Get(current) as IReadOnlyList<object> ?? [];
        if (index == Steps.Count - 1)
        {
            values.Add(list);
            return;
        }

        foreach (var element in list)
        {
            Collect(element, index + 1, values);
        }
    }

    private static object? FindElement(FieldStep step, object owner)
    {
        var idField = step.Field.Child!.Find("Id")!;
        if (step.Field.Get(owner) is not IReadOnlyList<object> list)
        {
            return null;
        }

        foreach (var element in list)
        {
            if (idField.Get(element) is string id && string.Equals(id, step.ElementId, StringComparison.OrdinalIgnoreCase))
            {
                return element;
            }
        }

        return null;
    }

    private static QueryException Unknown(string text, string context) => new($"Unknown field '{text}' in {context}.");
}
