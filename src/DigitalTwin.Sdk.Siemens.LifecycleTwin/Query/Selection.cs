using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// An immutable field selection for the Lifecycle Twin <c>select</c> header, with nested selections for
/// referenced fields and collections.
/// </summary>
/// <remarks>
/// <para>
/// The header syntax is JSON-like but not JSON: <c>{"Id", "Name", "CustomFields": {"Id", "Value"}}</c>. Items are
/// joined by <c>", "</c>; a nested item is written <c>"Field": {...}</c>. Field names must match
/// <c>[A-Za-z_][A-Za-z0-9_]*</c>.
/// </para>
/// <para>
/// Fields keep the order in which they were first added. Adding a field that is already selected changes nothing;
/// adding a nested selection for a field that is already selected turns it into a nested item in place, and a second
/// nested selection for the same field is merged into the first.
/// </para>
/// <para>Instances are immutable and thread-safe; every method returns a new instance.</para>
/// </remarks>
/// <example>
/// <code>
/// var select = Selection.Of("Id", "Name").With("CustomFields", "Id", "Value");
/// // {"Id", "Name", "CustomFields": {"Id", "Value"}}
/// </code>
/// </example>
public sealed class Selection : IEquatable<Selection>
{
    private readonly Entry[] _entries;

    // The header value, formatted once: the instance is immutable, and a default selection is sent on every call.
    private string? _headerValue;

    private Selection(Entry[] entries) => _entries = entries;

    /// <summary>Gets the selection with no fields.</summary>
    /// <value>An empty selection; the starting point for <see cref="Add"/> and the nested-selection callback.</value>
    public static Selection Empty { get; } = new([]);

    /// <summary>Gets the number of top-level fields.</summary>
    /// <value>The count of top-level fields, nested or not.</value>
    public int Count => _entries.Length;

    /// <summary>Gets a value indicating whether no field is selected.</summary>
    /// <value><see langword="true"/> for <see cref="Empty"/>.</value>
    public bool IsEmpty => _entries.Length == 0;

    /// <summary>Gets the top-level field names in header order.</summary>
    /// <value>The names, without their nested selections (see <see cref="GetNested"/>).</value>
    public IReadOnlyList<string> Fields
    {
        get
        {
            var names = new string[_entries.Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = _entries[i].Name;
            }

            return names;
        }
    }

    /// <summary>Creates a selection of plain fields.</summary>
    /// <param name="fields">The field names, e.g. <c>"Id", "Name"</c>.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A field name is not <c>[A-Za-z_][A-Za-z0-9_]*</c>.</exception>
    public static Selection Of(params string[] fields) => Empty.Add(fields);

    /// <summary>Returns a copy with the given plain fields added (fields already selected are left as they are).</summary>
    /// <param name="fields">The field names to add.</param>
    /// <returns>The new selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A field name is not <c>[A-Za-z_][A-Za-z0-9_]*</c>.</exception>
    public Selection Add(params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            HeaderSyntax.ValidateFieldName(field, nameof(fields));
        }

        var entries = new List<Entry>(_entries);
        foreach (var field in fields)
        {
            if (IndexOf(entries, field) < 0)
            {
                entries.Add(new Entry(field, null));
            }
        }

        return entries.Count == _entries.Length ? this : new Selection([.. entries]);
    }

    /// <summary>Returns a copy with a nested selection for <paramref name="field"/>, e.g. <c>"Location": {"Id", "Name"}</c>.</summary>
    /// <param name="field">The referenced or collection field.</param>
    /// <param name="nested">The fields to select inside it; must not be empty.</param>
    /// <returns>The new selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> or <paramref name="nested"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a valid field name, or <paramref name="nested"/> is empty.</exception>
    public Selection With(string field, Selection nested)
    {
        HeaderSyntax.ValidateFieldName(field, nameof(field));
        ArgumentNullException.ThrowIfNull(nested);
        if (nested.IsEmpty)
        {
            throw new ArgumentException($"The nested selection for '{field}' must contain at least one field.", nameof(nested));
        }

        var entries = (Entry[])_entries.Clone();
        var index = IndexOf(entries, field);
        if (index < 0)
        {
            return new Selection([.. entries, new Entry(field, nested)]);
        }

        var existing = entries[index].Nested;
        entries[index] = new Entry(field, existing is null ? nested : existing.Merge(nested));
        return new Selection(entries);
    }

    /// <summary>Returns a copy with a nested selection of plain fields for <paramref name="field"/>.</summary>
    /// <param name="field">The referenced or collection field, e.g. <c>"CustomFields"</c>.</param>
    /// <param name="nestedFields">The fields to select inside it, e.g. <c>"Id", "Value"</c>; at least one.</param>
    /// <returns>The new selection.</returns>
    /// <exception cref="ArgumentNullException">An argument or one of the field names is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A name is invalid, or <paramref name="nestedFields"/> is empty.</exception>
    public Selection With(string field, params string[] nestedFields)
    {
        HeaderSyntax.ValidateFieldName(field, nameof(field));
        ArgumentNullException.ThrowIfNull(nestedFields);
        if (nestedFields.Length == 0)
        {
            throw new ArgumentException($"The nested selection for '{field}' must contain at least one field.", nameof(nestedFields));
        }

        foreach (var nestedField in nestedFields)
        {
            HeaderSyntax.ValidateFieldName(nestedField, nameof(nestedFields));
        }

        return With(field, Empty.Add(nestedFields));
    }

    /// <summary>Returns a copy with a nested selection for <paramref name="field"/> built by <paramref name="configure"/>.</summary>
    /// <param name="field">The referenced or collection field.</param>
    /// <param name="configure">Receives <see cref="Empty"/> and returns the nested selection, e.g. <c>s =&gt; s.Add("Id", "Name")</c>.</param>
    /// <returns>The new selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> or <paramref name="configure"/> is <see langword="null"/>, or <paramref name="configure"/> returned <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a valid field name, or the nested selection is empty.</exception>
    public Selection With(string field, Func<Selection, Selection> configure)
    {
        HeaderSyntax.ValidateFieldName(field, nameof(field));
        ArgumentNullException.ThrowIfNull(configure);
        var nested = configure(Empty) ?? throw new ArgumentNullException(nameof(configure), "The nested-selection callback returned null.");
        if (nested.IsEmpty)
        {
            throw new ArgumentException($"The nested selection for '{field}' must contain at least one field.", nameof(configure));
        }

        return With(field, nested);
    }

    /// <summary>Whether <paramref name="field"/> is selected at the top level (ordinal comparison).</summary>
    /// <param name="field">The field name.</param>
    /// <returns><see langword="true"/> when the field is selected, nested or not.</returns>
    public bool Contains(string field) => field is not null && IndexOf(_entries, field) >= 0;

    /// <summary>Gets the nested selection of <paramref name="field"/>.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The nested selection, or <see langword="null"/> when the field is absent or selected without nesting.</returns>
    public Selection? GetNested(string field)
    {
        if (field is null)
        {
            return null;
        }

        var index = IndexOf(_entries, field);
        return index < 0 ? null : _entries[index].Nested;
    }

    /// <summary>Formats the value of the <c>select</c> header, e.g. <c>{"Id", "Name", "CustomFields": {"Id", "Value"}}</c>.</summary>
    /// <returns>The header value; <c>{}</c> for <see cref="Empty"/>.</returns>
    public string ToHeaderValue()
    {
        if (_headerValue is { } formatted)
        {
            return formatted;
        }

        var builder = new StringBuilder();
        AppendTo(builder);
        return _headerValue = builder.ToString();
    }

    /// <summary>Returns the header value (see <see cref="ToHeaderValue"/>).</summary>
    /// <returns>The header value.</returns>
    public override string ToString() => ToHeaderValue();

    /// <inheritdoc/>
    public bool Equals(Selection? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToHeaderValue(), other.ToHeaderValue(), StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Selection);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToHeaderValue());

    private Selection Merge(Selection other)
    {
        var result = this;
        foreach (var entry in other._entries)
        {
            result = entry.Nested is null ? result.Add(entry.Name) : result.With(entry.Name, entry.Nested);
        }

        return result;
    }

    private void AppendTo(StringBuilder builder)
    {
        builder.Append('{');
        for (var i = 0; i < _entries.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            var entry = _entries[i];
            builder.Append('"').Append(entry.Name).Append('"');
            if (entry.Nested is not null)
            {
                builder.Append(": ");
                entry.Nested.AppendTo(builder);
            }
        }

        builder.Append('}');
    }

    private static int IndexOf(IReadOnlyList<Entry> entries, string name)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Entry(string Name, Selection? Nested);
}
