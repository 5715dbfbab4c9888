namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>One key of a <see cref="Sort"/>: a field path and a direction.</summary>
public sealed record SortKey
{
    /// <summary>Initializes a new instance of the <see cref="SortKey"/> class.</summary>
    /// <param name="path">The field to sort by; referenced fields such as <c>Location.Name</c> are allowed.</param>
    /// <param name="direction">The direction.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="direction"/> is not a defined <see cref="SortDirection"/>.</exception>
    public SortKey(FieldPath path, SortDirection direction)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (direction is not (SortDirection.Ascending or SortDirection.Descending))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "The sort direction must be Ascending or Descending.");
        }

        Path = path;
        Direction = direction;
    }

    /// <summary>Gets the field to sort by.</summary>
    /// <value>The field path.</value>
    public FieldPath Path { get; }

    /// <summary>Gets the direction.</summary>
    /// <value><see cref="SortDirection.Ascending"/> or <see cref="SortDirection.Descending"/>.</value>
    public SortDirection Direction { get; }

    /// <summary>Gets the direction as written in the header.</summary>
    /// <value><c>ascending</c> or <c>descending</c>.</value>
    public string DirectionText => Direction == SortDirection.Descending ? "descending" : "ascending";

    /// <summary>Returns the key as written in the header, e.g. <c>"Name": "descending"</c>.</summary>
    /// <returns>The header fragment.</returns>
    public override string ToString() => "\"" + Path.Value + "\": \"" + DirectionText + "\"";
}
