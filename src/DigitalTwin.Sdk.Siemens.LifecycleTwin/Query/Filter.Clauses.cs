using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <content>The factories of the eleven documented clauses.</content>
public sealed partial class Filter
{
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
    public static Filter IsEmpty(FieldPath path, bool isEmpty) => Single(FilterClauseNames.IsEmpty, path, isEmpty ? "true" : "false");

    /// <summary><c>is_empty</c>: the field is empty (or not).</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <param name="isEmpty"><see langword="true"/> to match empty fields, <see langword="false"/> to match non-empty ones.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static Filter IsEmpty(string path, bool isEmpty) => IsEmpty(FieldPath.Parse(path), isEmpty);

    /// <summary><c>is_empty</c>: the field is null, an empty string or an empty collection.</summary>
    /// <param name="path">The field path.</param>
    /// <returns>The filter, e.g. <c>{"is_empty":{"Description":true}}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static Filter IsEmpty(FieldPath path) => IsEmpty(path, isEmpty: true);

    /// <summary><c>is_empty</c>: the field is null, an empty string or an empty collection.</summary>
    /// <param name="path">The field path in header syntax.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid path.</exception>
    public static Filter IsEmpty(string path) => IsEmpty(FieldPath.Parse(path), isEmpty: true);

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
}
