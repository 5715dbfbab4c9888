using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

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
public sealed partial class Filter : IEquatable<Filter>
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
