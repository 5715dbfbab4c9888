using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Query;

/// <summary>
/// An immutable filter for the Lifecycle Twin <c>filter</c> header, built from the eleven documented clauses and
/// combined with <see cref="And"/>.
/// </summary>
/// <remarks>
/// <para>
/// The header value is compact JSON, <c>{"&lt;clause&gt;":{"&lt;path&gt;":&lt;value&gt;}}</c>, e.g.
/// <c>{"equals":{"Systems.Id":"b7da56c7-f498-40f7-9104-80ba51cd62ba"}}</c>. Clause names are written in lower case.
/// ANDed conditions are merged into one object: conditions with the same clause share that clause's object
/// (<c>{"equals":{"A":1,"B":2}}</c>), different clauses sit side by side
/// (<c>{"contains":{"Name":"Pump"},"equals":{"Systems.Id":"..."}}</c>), both in the order first added.
/// </para>
/// <para>
/// Because a JSON object cannot hold a key twice, the same clause on the same path cannot be ANDed twice
/// (<see cref="And"/> throws); use <see cref="In(FieldPath, FilterValue[])"/> to match one of several values, or a
/// range such as <see cref="GreaterThanOrEquals(FieldPath, FilterValue)"/> with <see cref="LessThan(FieldPath, FilterValue)"/>.
/// </para>
/// <para>
/// String comparisons (<c>contains</c>, <c>starts_with</c>, <c>ends_with</c>, <c>equals</c> on strings) are
/// case-insensitive on the server. Use <c>equals</c> rather than <c>contains</c> where possible: the vendor reports
/// it can be up to ten times faster. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var filter = Filter.Contains("Name", "Pump").And(Filter.Equal(FieldPath.Referenced("Systems", "Id"), systemId));
/// // {"contains":{"Name":"Pump"},"equals":{"Systems.Id":"b7da56c7-f498-40f7-9104-80ba51cd62ba"}}
/// </code>
/// </example>
public sealed class Filter : IEquatable<Filter>
{
    private readonly Clause[] _clauses;
    private string? _headerValue;

    private Filter(Clause[] clauses) => _clauses = clauses;

    /// <summary>Gets the number of conditions (clause and path pairs) in the filter.</summary>
    /// <value>At least 1.</value>
    public int ConditionCount
    {
        get
        {
            var count = 0;
            foreach (var clause in _clauses)
            {
                count += clause.Terms.Length;
            }

            return count;
        }
    }

    /// <summary><c>contains</c>: the string field contains <paramref name="value"/> (case-insensitive).</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The substring.</param>
    /// <returns>The filter <c>{"contains":{"&lt;path&gt;":"&lt;value&gt;"}}</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains an unpaired surrogate.</exception>
    public static Filter Contains(FieldPath path, string value) => Single(FilterClauseNames.Contains, path, StringOperand(value));

    /// <summary><c>contains</c>: the string field contains <paramref name="value"/> (case-insensitive).</summary>
    /// <param name="path">The field path in header syntax (see <see cref="FieldPath.Parse"/>).</param>
    /// <param name="value">The substring.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="value"/> contains an unpaired surrogate.</exception>
    public static Filter Contains(string path, string value) => Contains(FieldPath.Parse(path), value);

    /// <summary><c>starts_with</c>: the string field starts with <paramref name="value"/> (case-insensitive).</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The prefix.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains an unpaired surrogate.</exception>
    public static Filter StartsWith(FieldPath path, string value) => Single(FilterClauseNames.StartsWith, path, StringOperand(value));

    /// <summary><c>starts_with</c>: the string field starts with <paramref name="value"/> (case-insensitive).</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="value">The prefix.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="value"/> contains an unpaired surrogate.</exception>
    public static Filter StartsWith(string path, string value) => StartsWith(FieldPath.Parse(path), value);

    /// <summary><c>ends_with</c>: the string field ends with <paramref name="value"/> (case-insensitive).</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The suffix.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains an unpaired surrogate.</exception>
    public static Filter EndsWith(FieldPath path, string value) => Single(FilterClauseNames.EndsWith, path, StringOperand(value));

    /// <summary><c>ends_with</c>: the string field ends with <paramref name="value"/> (case-insensitive).</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="value">The suffix.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="value"/> contains an unpaired surrogate.</exception>
    public static Filter EndsWith(string path, string value) => EndsWith(FieldPath.Parse(path), value);

    /// <summary><c>equals</c>: the field equals <paramref name="value"/> (strings case-insensitive; <see cref="FilterValue.Null"/> matches a null field).</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The value; converts implicitly from string, numbers, bool, <see cref="DateTimeOffset"/> and <see cref="Guid"/>.</param>
    /// <returns>The filter, e.g. <c>{"equals":{"Name":"ISB-020-000--000_1000319"}}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static Filter Equal(FieldPath path, FilterValue value) => Single(FilterClauseNames.EqualTo, path, value.Json);

    /// <summary><c>equals</c>: the field equals <paramref name="value"/>.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static Filter Equal(string path, FilterValue value) => Equal(FieldPath.Parse(path), value);

    /// <summary><c>greater_than</c>: the field is greater than <paramref name="value"/> (numbers numerically, dates as instants).</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter GreaterThan(FieldPath path, FilterValue value) => Single(FilterClauseNames.GreaterThan, path, ComparisonOperand(value));

    /// <summary><c>greater_than</c>: the field is greater than <paramref name="value"/>.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter GreaterThan(string path, FilterValue value) => GreaterThan(FieldPath.Parse(path), value);

    /// <summary><c>greater_than_or_equals</c>: the field is greater than or equal to <paramref name="value"/>.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter GreaterThanOrEquals(FieldPath path, FilterValue value) => Single(FilterClauseNames.GreaterThanOrEquals, path, ComparisonOperand(value));

    /// <summary><c>greater_than_or_equals</c>: the field is greater than or equal to <paramref name="value"/>.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter GreaterThanOrEquals(string path, FilterValue value) => GreaterThanOrEquals(FieldPath.Parse(path), value);

    /// <summary><c>less_than</c>: the field is less than <paramref name="value"/>.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter LessThan(FieldPath path, FilterValue value) => Single(FilterClauseNames.LessThan, path, ComparisonOperand(value));

    /// <summary><c>less_than</c>: the field is less than <paramref name="value"/>.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter LessThan(string path, FilterValue value) => LessThan(FieldPath.Parse(path), value);

    /// <summary><c>less_than_or_equals</c>: the field is less than or equal to <paramref name="value"/>.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter LessThanOrEquals(FieldPath path, FilterValue value) => Single(FilterClauseNames.LessThanOrEquals, path, ComparisonOperand(value));

    /// <summary><c>less_than_or_equals</c>: the field is less than or equal to <paramref name="value"/>.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="value">The bound; not <see cref="FilterValue.Null"/>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="value"/> is <see cref="FilterValue.Null"/>.</exception>
    public static Filter LessThanOrEquals(string path, FilterValue value) => LessThanOrEquals(FieldPath.Parse(path), value);

    /// <summary><c>is_empty</c>: the field is null, an empty string or an empty collection (or, with <paramref name="isEmpty"/> <see langword="false"/>, the opposite).</summary>
    /// <param name="path">The field path.</param>
    /// <param name="isEmpty"><see langword="true"/> to match empty fields, <see langword="false"/> to match non-empty ones.</param>
    /// <returns>The filter, e.g. <c>{"is_empty":{"Description":true}}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static Filter IsEmpty(FieldPath path, bool isEmpty = true) => Single(FilterClauseNames.IsEmpty, path, isEmpty ? "true" : "false");

    /// <summary><c>is_empty</c>: the field is empty (or not).</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="isEmpty"><see langword="true"/> to match empty fields, <see langword="false"/> to match non-empty ones.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static Filter IsEmpty(string path, bool isEmpty = true) => IsEmpty(FieldPath.Parse(path), isEmpty);

    /// <summary><c>in</c>: the field equals one of <paramref name="values"/>.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="values">The candidate values; at least one.</param>
    /// <returns>The filter, e.g. <c>{"in":{"Name":["A","B"]}}</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Filter In(FieldPath path, params FilterValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return In(path, (IEnumerable<FilterValue>)values);
    }

    /// <summary><c>in</c>: the field equals one of <paramref name="values"/>.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="values">The candidate values; at least one. Enumerated once, immediately.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Filter In(FieldPath path, IEnumerable<FilterValue> values)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder("[");
        var count = 0;
        foreach (var value in values)
        {
            if (count++ > 0)
            {
                builder.Append(',');
            }

            builder.Append(value.Json);
        }

        if (count == 0)
        {
            throw new ArgumentException($"The 'in' condition on '{path}' needs at least one value.", nameof(values));
        }

        return Single(FilterClauseNames.In, path, builder.Append(']').ToString());
    }

    /// <summary><c>in</c>: the field equals one of <paramref name="values"/>.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="values">The candidate values; at least one.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="values"/> is empty.</exception>
    public static Filter In(string path, params FilterValue[] values) => In(FieldPath.Parse(path), values);

    /// <summary><c>in</c>: the field equals one of <paramref name="values"/>.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="values">The candidate values; at least one. Enumerated once, immediately.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path, or <paramref name="values"/> is empty.</exception>
    public static Filter In(string path, IEnumerable<FilterValue> values) => In(FieldPath.Parse(path), values);

    /// <summary>
    /// <c>any</c>: at least one element of the collection <paramref name="collection"/> matches
    /// <paramref name="elementFilter"/>, whose paths are relative to the element.
    /// </summary>
    /// <param name="collection">The collection field, e.g. <c>ModelObjects</c>.</param>
    /// <param name="elementFilter">The filter applied to each element, e.g. <c>Filter.Equal("ObjectId", "x")</c>.</param>
    /// <returns>The filter, e.g. <c>{"any":{"ModelObjects":{"equals":{"ObjectId":"x"}}}}</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Filter Any(FieldPath collection, Filter elementFilter)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(elementFilter);
        return Single(FilterClauseNames.Any, collection, elementFilter.ToHeaderValue());
    }

    /// <summary><c>any</c>: at least one element of the collection matches <paramref name="elementFilter"/>.</summary>
    /// <param name="collection">The collection field in header syntax.</param>
    /// <param name="elementFilter">The filter applied to each element.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="collection"/> is not a valid path.</exception>
    public static Filter Any(string collection, Filter elementFilter)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (!FieldPath.TryParse(collection, out var path))
        {
            throw new ArgumentException($"'{HeaderSyntax.Printable(collection)}' is not a valid Lifecycle Twin field path.", nameof(collection));
        }

        return Any(path, elementFilter);
    }

    /// <summary>Combines several filters with AND (see <see cref="And"/>).</summary>
    /// <param name="filters">The filters; at least one.</param>
    /// <returns>The combined filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filters"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="filters"/> is empty, or two filters use the same clause on the same path.</exception>
    public static Filter AllOf(params Filter[] filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Length == 0)
        {
            throw new ArgumentException("At least one filter is required.", nameof(filters));
        }

        var result = filters[0] ?? throw new ArgumentNullException(nameof(filters), "The filter at index 0 is null.");
        for (var i = 1; i < filters.Length; i++)
        {
            result = result.Merge(filters[i] ?? throw new ArgumentNullException(nameof(filters), $"The filter at index {i} is null."), nameof(filters));
        }

        return result;
    }

    /// <summary>Returns a filter that matches when both this filter and <paramref name="other"/> match.</summary>
    /// <param name="other">The filter to AND with.</param>
    /// <returns>The combined filter; conditions of the same clause share one JSON object.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Both filters use the same clause on the same path, which one JSON object cannot hold.</exception>
    public Filter And(Filter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Merge(other, nameof(other));
    }

    /// <summary>Formats the value of the <c>filter</c> header (compact JSON, pure ASCII).</summary>
    /// <returns>The header value, e.g. <c>{"equals":{"Name":"Pump"}}</c>.</returns>
    public string ToHeaderValue()
    {
        if (_headerValue is not null)
        {
            return _headerValue;
        }

        var builder = new StringBuilder();
        builder.Append('{');
        for (var i = 0; i < _clauses.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var clause = _clauses[i];
            builder.Append('"').Append(clause.Name).Append("\":{");
            for (var j = 0; j < clause.Terms.Length; j++)
            {
                if (j > 0)
                {
                    builder.Append(',');
                }

                builder.Append('"').Append(clause.Terms[j].Path.Value).Append("\":").Append(clause.Terms[j].Json);
            }

            builder.Append('}');
        }

        _headerValue = builder.Append('}').ToString();
        return _headerValue;
    }

    /// <summary>Returns the header value (see <see cref="ToHeaderValue"/>).</summary>
    /// <returns>The header value.</returns>
    public override string ToString() => ToHeaderValue();

    /// <inheritdoc/>
    public bool Equals(Filter? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(ToHeaderValue(), other.ToHeaderValue(), StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Filter);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToHeaderValue());

    private static Filter Single(string clause, FieldPath path, string json)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Filter([new Clause(clause, [new Term(path, json)])]);
    }

    private static string StringOperand(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FilterValue.FromString(value).Json;
    }

    private static string ComparisonOperand(FilterValue value)
    {
        if (value.IsNull)
        {
            throw new ArgumentException("A comparison needs a non-null value; use Filter.Equal(path, FilterValue.Null) or Filter.IsEmpty to match missing values.", nameof(value));
        }

        return value.Json;
    }

    private Filter Merge(Filter other, string paramName)
    {
        var clauses = new List<Clause>(_clauses);
        foreach (var clause in other._clauses)
        {
            var index = clauses.FindIndex(c => string.Equals(c.Name, clause.Name, StringComparison.Ordinal));
            if (index < 0)
            {
                clauses.Add(clause);
                continue;
            }

            var terms = new List<Term>(clauses[index].Terms);
            foreach (var term in clause.Terms)
            {
                if (terms.Exists(t => t.Path.Equals(term.Path)))
                {
                    throw new ArgumentException(
                        $"The filter already has a '{clause.Name}' condition on '{term.Path}'; one JSON object cannot hold the same clause and path twice. Use Filter.In for several values or a range of two different clauses.",
                        paramName);
                }

                terms.Add(term);
            }

            clauses[index] = new Clause(clause.Name, [.. terms]);
        }

        return new Filter([.. clauses]);
    }

    private readonly record struct Clause(string Name, Term[] Terms);

    private readonly record struct Term(FieldPath Path, string Json);
}
