using System.Globalization;
using System.Text;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Builds the JSON:API query string of a Building X request: the <c>filter[...]</c> and <c>page[...]</c> families,
/// <c>include</c>, <c>fields[Type]</c> and the service's own <c>field[Type]</c> parameter (extra fields, e.g.
/// <c>field[Point]=pointValue</c>).
/// </summary>
/// <remarks>
/// Values are percent-encoded; parameter names keep their <c>[</c> and <c>]</c> literally
/// (<c>filter[serialNumber]=12345</c>, <c>field[Point]=pointValue</c>), exactly as the vendor's guide and public
/// clients send them. List values (<c>include=a,b</c>) keep their separating commas; commas inside one filter value
/// are encoded. Not thread-safe while being built.
/// </remarks>
/// <example>
/// <code>
/// var query = new JsonApiQuery().Filter("serialNumber", "12345").PageLimit(5).Include("hasFeatures.DeviceInfo");
/// </code>
/// </example>
public sealed class JsonApiQuery
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];
    private readonly List<string> _includes = [];
    private readonly Dictionary<string, List<string>> _extraFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    /// <summary>Gets every parameter in order, unencoded (name, value), including <c>include</c>, <c>fields[...]</c> and <c>field[...]</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters
    {
        get
        {
            var all = new List<KeyValuePair<string, string>>(_parameters);
            all.AddRange(SelectionParameters);
            return all;
        }
    }

    /// <summary>Gets the parameters that shape every page (<c>include</c>, <c>fields[...]</c>, <c>field[...]</c>), unencoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SelectionParameters
    {
        get
        {
            var selection = new List<KeyValuePair<string, string>>();
            if (_includes.Count > 0)
            {
                selection.Add(new("include", string.Join(',', _includes)));
            }

            foreach (var (type, fields) in _fields)
            {
                selection.Add(new($"fields[{type}]", string.Join(',', fields)));
            }

            foreach (var (type, names) in _extraFields)
            {
                selection.Add(new($"field[{type}]", string.Join(',', names)));
            }

            return selection;
        }
    }

    /// <summary>Adds <c>filter[field]=value</c>.</summary>
    /// <param name="field">Filtered field, e.g. <c>serialNumber</c> or <c>hasLocation.data.id</c>.</param>
    /// <param name="value">The value; any characters.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> is empty or contains brackets.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public JsonApiQuery Filter(string field, string value)
    {
        CheckName(field);
        ArgumentNullException.ThrowIfNull(value);
        _parameters.Add(new($"filter[{field}]", value));
        return this;
    }

    /// <summary>Adds <c>filter[field][operator]=value</c>, e.g. <c>filter[timestamp][from]</c>.</summary>
    /// <param name="field">Filtered field.</param>
    /// <param name="operator">Sub-key such as <c>from</c> or <c>to</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> or <paramref name="operator"/> is empty or contains brackets.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public JsonApiQuery Filter(string field, string @operator, string value)
    {
        CheckName(field);
        CheckName(@operator);
        ArgumentNullException.ThrowIfNull(value);
        _parameters.Add(new($"filter[{field}][{@operator}]", value));
        return this;
    }

    /// <summary>Adds <c>filter[field][operator]=timestamp</c> with the time as RFC 3339 UTC.</summary>
    /// <param name="field">Filtered field, e.g. <c>timestamp</c>.</param>
    /// <param name="operator">Sub-key such as <c>from</c> or <c>to</c>.</param>
    /// <param name="value">The time.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> or <paramref name="operator"/> is empty or contains brackets.</exception>
    public JsonApiQuery Filter(string field, string @operator, DateTimeOffset value) =>
        Filter(field, @operator, FormatTimestamp(value));

    /// <summary>Adds <c>page[limit]=n</c>, the page size.</summary>
    /// <param name="limit">Largest number of records per page; positive.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is zero or negative.</exception>
    public JsonApiQuery PageLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Page("limit", limit.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Sets another member of the page family, e.g. <c>page[offset]</c>; replaces an earlier value.</summary>
    /// <param name="name">Member name inside the brackets.</param>
    /// <param name="value">The value.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains brackets.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public JsonApiQuery Page(string name, string value)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(value);
        var key = $"page[{name}]";
        _parameters.RemoveAll(p => p.Key == key);
        _parameters.Add(new(key, value));
        return this;
    }

    /// <summary>Adds include paths (<c>include=a,b.c</c>): related resources returned in <c>included</c>.</summary>
    /// <param name="paths">Relationship paths, e.g. <c>hasFeatures.DeviceInfo</c>.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException">A path is empty or contains a comma.</exception>
    public JsonApiQuery Include(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            CheckListItem(path, nameof(paths));
            if (!_includes.Contains(path))
            {
                _includes.Add(path);
            }
        }

        return this;
    }

    /// <summary>Adds a sparse fieldset (<c>fields[Type]=a,b</c>): only these attributes/relationships of that type.</summary>
    /// <param name="type">Resource type, e.g. <c>Building</c>.</param>
    /// <param name="fields">Field names, e.g. <c>label</c>.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> or a field is empty or malformed.</exception>
    public JsonApiQuery Fields(string type, params string[] fields)
    {
        CheckName(type);
        ArgumentNullException.ThrowIfNull(fields);
        if (!_fields.TryGetValue(type, out var list))
        {
            list = [];
            _fields[type] = list;
        }

        foreach (var field in fields)
        {
            CheckListItem(field, nameof(fields));
            if (!list.Contains(field))
            {
                list.Add(field);
            }
        }

        return this;
    }

    /// <summary>
    /// Adds the service's <c>field[Type]</c> parameter: extra fields of resources of <paramref name="type"/> that are
    /// not otherwise in the response, e.g. <c>Field("Point", "pointValue")</c> sends <c>field[Point]=pointValue</c>.
    /// </summary>
    /// <param name="type">Resource type, e.g. <c>Point</c>.</param>
    /// <param name="names">Field names.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is empty or contains brackets, no name is given, or a name is empty or contains a comma.</exception>
    public JsonApiQuery Field(string type, params string[] names)
    {
        CheckName(type);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0)
        {
            throw new ArgumentException("Name at least one field.", nameof(names));
        }

        if (!_extraFields.TryGetValue(type, out var list))
        {
            list = [];
            _extraFields[type] = list;
        }

        foreach (var name in names)
        {
            CheckListItem(name, nameof(names));
            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }

        return this;
    }

    /// <summary>Adds any other query parameter.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="value">Parameter value.</param>
    /// <returns>This query.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public JsonApiQuery Parameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        _parameters.Add(new(name, value));
        return this;
    }

    /// <summary>Returns the encoded query string with its leading <c>?</c>, or an empty string.</summary>
    /// <returns>The query string.</returns>
    public string ToQueryString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in Parameters)
        {
            AppendEncoded(builder, name, value);
        }

        return builder.ToString();
    }

    /// <summary>Returns <see cref="ToQueryString"/>.</summary>
    /// <returns>The query string.</returns>
    public override string ToString() => ToQueryString();

    /// <summary>Formats a time as RFC 3339 in UTC, with fractional seconds only when present.</summary>
    internal static string FormatTimestamp(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Appends <c>name=value</c> (encoded) with <c>?</c> or <c>&amp;</c> as needed.</summary>
    internal static void AppendEncoded(StringBuilder builder, string name, string value) =>
        builder.Append(builder.Length == 0 ? '?' : '&').Append(EncodeName(name)).Append('=').Append(EncodeValue(name, value));

    /// <summary>Percent-encodes a parameter name but keeps the family brackets as the vendor sends them.</summary>
    internal static string EncodeName(string name) =>
        Uri.EscapeDataString(name).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);

    /// <summary>Percent-encodes a value; the items of a list parameter (<c>include</c>, <c>fields[...]</c>, <c>field[...]</c>) keep their separating commas.</summary>
    internal static string EncodeValue(string name, string value)
    {
        if (!IsListParameter(name))
        {
            return Uri.EscapeDataString(value);
        }

        var items = value.Split(',');
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Uri.EscapeDataString(items[i]);
        }

        return string.Join(',', items);
    }

    private static bool IsListParameter(string name) =>
        name is "include" || name.StartsWith("fields[", StringComparison.Ordinal) || name.StartsWith("field[", StringComparison.Ordinal);

    private static void CheckName(string name, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(name))] string? parameter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        if (name.AsSpan().IndexOfAny('[', ']') >= 0)
        {
            throw new ArgumentException("Query parameter family members must not contain '[' or ']'.", parameter);
        }
    }

    private static void CheckListItem(string item, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(item, parameter);
        if (item.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException("List items must not contain ','.", parameter);
        }
    }
}
