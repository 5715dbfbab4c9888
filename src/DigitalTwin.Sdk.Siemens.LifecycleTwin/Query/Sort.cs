using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// An immutable, ordered list of sort keys for the Lifecycle Twin <c>sort</c> header: the first key is primary,
/// the next breaks its ties, and so on.
/// </summary>
/// <remarks>
/// <para>Header value: <c>{"Name": "descending"}</c>; several keys are joined by <c>", "</c>:
/// <c>{"Name": "ascending", "Id": "ascending"}</c>.</para>
/// <para>A field can appear only once (compared case-insensitively, as a JSON object with two keys differing only in
/// case would be ambiguous to the server). When reading data page by page, the sort must end in a unique field or
/// records can repeat or go missing across pages (vendor doc, "Sorting"); see
/// <see cref="LifecycleTwinQuery.EnsureStableSort"/>. Instances are immutable and thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// var sort = Sort.Descending("Name").ThenByAscending("Id");  // {"Name": "descending", "Id": "ascending"}
/// </code>
/// </example>
public sealed class Sort : IEquatable<Sort>
{
    private readonly SortKey[] _keys;

    private Sort(SortKey[] keys) => _keys = keys;

    /// <summary>Gets the sort keys, primary first.</summary>
    /// <value>At least one key.</value>
    public IReadOnlyList<SortKey> Keys => _keys;

    /// <summary>Creates a sort by one field.</summary>
    /// <param name="path">The field to sort by.</param>
    /// <param name="direction">The direction.</param>
    /// <returns>The sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public static Sort By(FieldPath path, SortDirection direction) => new([new SortKey(path, direction)]);

    /// <summary>Sorts ascending by <paramref name="path"/> (the same as <see cref="Ascending(FieldPath)"/>).</summary>
    /// <param name="path">The field to sort by.</param>
    /// <returns>The sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static Sort By(FieldPath path) => By(path, SortDirection.Ascending);

    /// <summary>Sorts ascending by <paramref name="path"/> (the same as <see cref="Ascending(string)"/>).</summary>
    /// <param name="path">The field to sort by, in header syntax.</param>
    /// <returns>The sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static Sort By(string path) => By(path, SortDirection.Ascending);

    /// <summary>Creates a sort by one field.</summary>
    /// <param name="path">The field to sort by, in header syntax (e.g. <c>Name</c> or <c>Location.Name</c>).</param>
    /// <param name="direction">The direction.</param>
    /// <returns>The sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public static Sort By(string path, SortDirection direction) => By(FieldPath.Parse(path), direction);

    /// <summary>Creates an ascending sort by one field.</summary>
    /// <param name="path">The field to sort by.</param>
    /// <returns>The sort, e.g. <c>{"Name": "ascending"}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static Sort Ascending(FieldPath path) => By(path, SortDirection.Ascending);

    /// <summary>Creates an ascending sort by one field.</summary>
    /// <param name="path">The field to sort by, in header syntax.</param>
    /// <returns>The sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static Sort Ascending(string path) => By(path, SortDirection.Ascending);

    /// <summary>Creates a descending sort by one field.</summary>
    /// <param name="path">The field to sort by.</param>
    /// <returns>The sort, e.g. <c>{"Name": "descending"}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static Sort Descending(FieldPath path) => By(path, SortDirection.Descending);

    /// <summary>Creates a descending sort by one field.</summary>
    /// <param name="path">The field to sort by, in header syntax.</param>
    /// <returns>The sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static Sort Descending(string path) => By(path, SortDirection.Descending);

    /// <summary>Returns a copy with a further key that breaks ties of the existing ones.</summary>
    /// <param name="path">The field to sort by.</param>
    /// <param name="direction">The direction.</param>
    /// <returns>The new sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The field is already a key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public Sort ThenBy(FieldPath path, SortDirection direction)
    {
        var key = new SortKey(path, direction);
        if (Contains(path))
        {
            throw new ArgumentException($"The sort already has a key '{path}'; each field can be sorted on only once.", nameof(path));
        }

        return new Sort([.. _keys, key]);
    }

    /// <summary>Returns a copy with a further key that breaks ties of the existing ones.</summary>
    /// <param name="path">The field to sort by, in header syntax.</param>
    /// <param name="direction">The direction.</param>
    /// <returns>The new sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path or is already a key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not defined.</exception>
    public Sort ThenBy(string path, SortDirection direction) => ThenBy(FieldPath.Parse(path), direction);

    /// <summary>Adds an ascending key after the existing ones.</summary>
    /// <param name="path">The field to sort by.</param>
    /// <returns>The sort with the key added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is already a key.</exception>
    public Sort ThenBy(FieldPath path) => ThenBy(path, SortDirection.Ascending);

    /// <summary>Adds an ascending key after the existing ones.</summary>
    /// <param name="path">The field to sort by, in header syntax.</param>
    /// <returns>The sort with the key added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path or is already a key.</exception>
    public Sort ThenBy(string path) => ThenBy(FieldPath.Parse(path), SortDirection.Ascending);

    /// <summary>Returns a copy with a further ascending key.</summary>
    /// <param name="path">The field to sort by.</param>
    /// <returns>The new sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The field is already a key.</exception>
    public Sort ThenByAscending(FieldPath path) => ThenBy(path, SortDirection.Ascending);

    /// <summary>Returns a copy with a further ascending key.</summary>
    /// <param name="path">The field to sort by, in header syntax.</param>
    /// <returns>The new sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path or is already a key.</exception>
    public Sort ThenByAscending(string path) => ThenBy(path, SortDirection.Ascending);

    /// <summary>Returns a copy with a further descending key.</summary>
    /// <param name="path">The field to sort by.</param>
    /// <returns>The new sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The field is already a key.</exception>
    public Sort ThenByDescending(FieldPath path) => ThenBy(path, SortDirection.Descending);

    /// <summary>Returns a copy with a further descending key.</summary>
    /// <param name="path">The field to sort by, in header syntax.</param>
    /// <returns>The new sort.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path or is already a key.</exception>
    public Sort ThenByDescending(string path) => ThenBy(path, SortDirection.Descending);

    /// <summary>Whether <paramref name="path"/> is one of the keys (compared case-insensitively).</summary>
    /// <param name="path">The field path.</param>
    /// <returns><see langword="true"/> when the field is a key.</returns>
    public bool Contains(FieldPath path)
    {
        if (path is null)
        {
            return false;
        }

        foreach (var key in _keys)
        {
            if (string.Equals(key.Path.Value, path.Value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Formats the value of the <c>sort</c> header, e.g. <c>{"Name": "descending", "Id": "ascending"}</c>.</summary>
    /// <returns>The header value.</returns>
    public string ToHeaderValue()
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < _keys.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(_keys[i].ToString());
        }

        return builder.Append('}').ToString();
    }

    /// <summary>Returns the header value (see <see cref="ToHeaderValue"/>).</summary>
    /// <returns>The header value.</returns>
    public override string ToString() => ToHeaderValue();

    /// <inheritdoc/>
    public bool Equals(Sort? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToHeaderValue(), other.ToHeaderValue(), StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Sort);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToHeaderValue());
}
