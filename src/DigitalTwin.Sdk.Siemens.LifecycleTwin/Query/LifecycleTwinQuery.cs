using System.Net.Http.Headers;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// An immutable Lifecycle Twin query: the <c>select</c>, <c>filter</c>, <c>sort</c> and <c>pagination</c> headers of a
/// GET request, plus raw headers for anything the typed builders cannot express.
/// </summary>
/// <remarks>
/// <para>Every <c>With…</c> method returns a modified copy; instances are thread-safe and can be shared and reused.
/// Two queries are equal when they produce the same headers (<see cref="GetHeaders"/>).</para>
/// <para>All validation happens when the query is built, so a bad argument throws at the call site, before
/// anything is sent.</para>
/// </remarks>
/// <example>
/// <code>
/// var query = LifecycleTwinQuery.Empty
///     .WithSelection(Selection.Of("Id", "Name").With("Location", "Id", "Name"))
///     .WithFilter(Filter.Contains("Name", "Building1"))
///     .WithSort(Sort.Ascending("Name"))
///     .WithPagination(Pagination.FirstPage(20));
/// // select: {"Id", "Name", "Location": {"Id", "Name"}}
/// // filter: {"contains":{"Name":"Building1"}}
/// // sort: {"Name": "ascending"}
/// // pagination: {"page" : 0, "size" : 20}
/// </code>
/// </example>
public sealed class LifecycleTwinQuery : IEquatable<LifecycleTwinQuery>
{
    /// <summary>The field <see cref="EnsureStableSort"/> sorts by: <c>Id</c>, unique for every entity.</summary>
    public const string StableSortField = "Id";

    // Headers the client sets itself (credentials, routing) or HTTP framing: a raw header must not override them.
    private static readonly string[] ReservedHeaderNames =
    [
        "authorization", "clientname", "projectid", "host", "content-length", "content-type", "transfer-encoding", "connection",
    ];

    private readonly KeyValuePair<string, string>[] _rawHeaders;

    /// <summary>Initializes a new instance of the <see cref="LifecycleTwinQuery"/> class with no headers.</summary>
    public LifecycleTwinQuery()
        : this(null, null, null, null, [])
    {
    }

    private LifecycleTwinQuery(Selection? selection, Filter? filter, Sort? sort, Pagination? pagination, KeyValuePair<string, string>[] rawHeaders)
    {
        Selection = selection;
        Filter = filter;
        Sort = sort;
        Pagination = pagination;
        _rawHeaders = rawHeaders;
    }

    /// <summary>Gets the query with no headers (the model's default selection, no filter, sorted by <c>Id</c> when listing).</summary>
    /// <value>A shared empty query.</value>
    public static LifecycleTwinQuery Empty { get; } = new();

    /// <summary>Gets the field selection sent in the <c>select</c> header.</summary>
    /// <value><see langword="null"/> (the default): the client methods then send the model's <see cref="DefaultSelections"/>.</value>
    public Selection? Selection { get; }

    /// <summary>Gets the filter sent in the <c>filter</c> header.</summary>
    /// <value><see langword="null"/> (the default) for no filter.</value>
    public Filter? Filter { get; }

    /// <summary>Gets the sort sent in the <c>sort</c> header.</summary>
    /// <value><see langword="null"/> (the default) for the server's order.</value>
    public Sort? Sort { get; }

    /// <summary>Gets the page request sent in the <c>pagination</c> header.</summary>
    /// <value><see langword="null"/> (the default) for no pagination header, i.e. everything at once.</value>
    public Pagination? Pagination { get; }

    /// <summary>Gets the raw headers added with <see cref="WithRawHeader"/>, in the order added.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<KeyValuePair<string, string>> RawHeaders => _rawHeaders;

    /// <summary>Returns a copy with the given field selection.</summary>
    /// <param name="selection">The selection, or <see langword="null"/> to request all fields. Must not be empty.</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentException"><paramref name="selection"/> is empty.</exception>
    public LifecycleTwinQuery WithSelection(Selection? selection)
    {
        if (selection is { IsEmpty: true })
        {
            throw new ArgumentException("An empty selection cannot be sent; pass null to request all fields.", nameof(selection));
        }

        return new LifecycleTwinQuery(selection, Filter, Sort, Pagination, _rawHeaders);
    }

    /// <summary>Returns a copy selecting the given plain fields (shorthand for <c>WithSelection(Selection.Of(fields))</c>).</summary>
    /// <param name="fields">The field names; at least one.</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is empty or holds an invalid field name.</exception>
    public LifecycleTwinQuery WithFields(params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Length == 0)
        {
            throw new ArgumentException("At least one field is required; pass a null Selection to request all fields.", nameof(fields));
        }

        return WithSelection(Selection.Of(fields));
    }

    /// <summary>Returns a copy with the given filter, replacing any previous one.</summary>
    /// <param name="filter">The filter, or <see langword="null"/> for none.</param>
    /// <returns>The new query.</returns>
    public LifecycleTwinQuery WithFilter(Filter? filter) => new(Selection, filter, Sort, Pagination, _rawHeaders);

    /// <summary>Returns a copy whose filter is the current one ANDed with <paramref name="filter"/>.</summary>
    /// <param name="filter">The condition to add.</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The current filter already has the same clause on the same path (see <see cref="Filter.And"/>).</exception>
    public LifecycleTwinQuery Where(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return WithFilter(Filter is null ? filter : Filter.And(filter));
    }

    /// <summary>Returns a copy with the given sort.</summary>
    /// <param name="sort">The sort, or <see langword="null"/> for the server's order.</param>
    /// <returns>The new query.</returns>
    public LifecycleTwinQuery WithSort(Sort? sort) => new(Selection, Filter, sort, Pagination, _rawHeaders);

    /// <summary>Returns a copy with the given page request.</summary>
    /// <param name="pagination">The page request, or <see langword="null"/> for no pagination header.</param>
    /// <returns>The new query.</returns>
    public LifecycleTwinQuery WithPagination(Pagination? pagination) => new(Selection, Filter, Sort, pagination, _rawHeaders);

    /// <summary>Returns a copy requesting one page.</summary>
    /// <param name="page">The 0-based page number.</param>
    /// <param name="size">The page size, 1 to <see cref="Pagination.MaxPageSize"/>.</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is negative or <paramref name="size"/> is out of range.</exception>
    public LifecycleTwinQuery WithPage(int page, int size) => WithPagination(new Pagination(page, size));

    /// <summary>
    /// Returns a copy that also sends the header <paramref name="name"/>: <paramref name="value"/>, as is. The escape
    /// hatch for syntax the typed builders do not cover.
    /// </summary>
    /// <remarks>
    /// A raw header named like a typed one (<c>select</c>, <c>filter</c>, <c>sort</c>, <c>pagination</c>, any case)
    /// replaces the typed header in <see cref="GetHeaders"/>. Adding a raw header with a name already added replaces
    /// the earlier value. Headers the client owns (<c>authorization</c>, <c>clientname</c>, <c>projectid</c>) and
    /// HTTP framing headers (<c>host</c>, <c>content-length</c>, <c>content-type</c>, <c>transfer-encoding</c>,
    /// <c>connection</c>) are refused.
    /// </remarks>
    /// <param name="name">The header name: an HTTP token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</param>
    /// <param name="value">The header value: printable ASCII, spaces and tabs only (no CR, LF or non-ASCII; escape
    /// non-ASCII text as <c>\uXXXX</c> inside JSON strings).</param>
    /// <returns>The new query.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a token or is reserved, or <paramref name="value"/> is not header-safe ASCII.</exception>
    public LifecycleTwinQuery WithRawHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!HeaderSyntax.IsHeaderName(name))
        {
            throw new ArgumentException($"'{HeaderSyntax.Printable(name)}' is not a valid HTTP header name.", nameof(name));
        }

        foreach (var reserved in ReservedHeaderNames)
        {
            if (string.Equals(reserved, name, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"The '{reserved}' header is set by the client and cannot be added to a query.", nameof(name));
            }
        }

        if (!HeaderSyntax.IsHeaderValue(value))
        {
            throw new ArgumentException(
                $"The value of header '{name}' must be printable ASCII (no CR, LF, other control or non-ASCII characters); escape non-ASCII text in JSON strings as \\uXXXX.",
                nameof(value));
        }

        var headers = new List<KeyValuePair<string, string>>(_rawHeaders.Length + 1);
        foreach (var header in _rawHeaders)
        {
            if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header);
            }
        }

        headers.Add(new KeyValuePair<string, string>(name, value));
        return new LifecycleTwinQuery(Selection, Filter, Sort, Pagination, [.. headers]);
    }

    /// <summary>
    /// Returns a copy whose sort ends in the unique field <c>Id</c>, so that pages neither repeat nor skip records.
    /// </summary>
    /// <remarks>
    /// The vendor requires a sort when reading data page by page, and a sort by a unique field when fetching all data
    /// (doc, "Sorting"). The list methods send one sort key, as the doc shows: the caller's sort as given, or
    /// <c>{"Id": "ascending"}</c> when there is none. Call this to walk pages in a non-unique order (e.g. by <c>Name</c>)
    /// without repeats or gaps; it adds a second key, a form the vendor doc does not show. Rules: no sort → <c>{"Id": "ascending"}</c>; a sort that does not include <c>Id</c> → the same
    /// keys with <c>"Id": "ascending"</c> appended as the final tie-breaker (the caller's order is kept); a sort that
    /// already includes <c>Id</c> (any position, any direction, any case) → unchanged. A raw <c>sort</c> header cannot
    /// be inspected, so the query is returned unchanged and the caller is responsible for its stability.
    /// </remarks>
    /// <returns>This instance when nothing needs to change; otherwise the adjusted copy.</returns>
    public LifecycleTwinQuery EnsureStableSort()
    {
        if (FindRawHeader(QueryHeaderNames.Sort) >= 0)
        {
            return this;
        }

        if (Sort is null)
        {
            return WithSort(Sort.Ascending(FieldPath.Id));
        }

        return Sort.Contains(FieldPath.Id) ? this : WithSort(Sort.ThenByAscending(FieldPath.Id));
    }

    /// <summary>Returns this query when it selects fields (typed or raw <c>select</c>), else a copy selecting <paramref name="selection"/>.</summary>
    /// <param name="selection">The model's default selection (<see cref="DefaultSelections"/>).</param>
    /// <returns>The query to send.</returns>
    internal LifecycleTwinQuery WithDefaultSelection(Selection selection) =>
        Selection is not null || FindRawHeader(QueryHeaderNames.Select) >= 0 ? this : WithSelection(selection);

    /// <summary>
    /// Returns this query when it sorts (typed or raw <c>sort</c>), else a copy sorted by the one unique key
    /// <c>{"Id": "ascending"}</c>: what a walk over all pages sends by default.
    /// </summary>
    /// <returns>The query to send.</returns>
    internal LifecycleTwinQuery WithDefaultSort() =>
        Sort is not null || FindRawHeader(QueryHeaderNames.Sort) >= 0 ? this : WithSort(Sort.Ascending(FieldPath.Id));

    /// <summary>
    /// Gets the headers this query sends, in order: <c>select</c>, <c>filter</c>, <c>sort</c>, <c>pagination</c> (those
    /// that are set and not overridden by a raw header), then the raw headers in the order added.
    /// </summary>
    /// <returns>Header name and value pairs; names of typed headers are lower case.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> GetHeaders()
    {
        var headers = new List<KeyValuePair<string, string>>(4 + _rawHeaders.Length);
        AddTyped(headers, QueryHeaderNames.Select, Selection?.ToHeaderValue());
        AddTyped(headers, QueryHeaderNames.Filter, Filter?.ToHeaderValue());
        AddTyped(headers, QueryHeaderNames.Sort, Sort?.ToHeaderValue());
        AddTyped(headers, QueryHeaderNames.Pagination, Pagination?.ToHeaderValue());
        headers.AddRange(_rawHeaders);
        return headers;
    }

    /// <summary>Returns the headers as <c>name: value</c> lines, for diagnostics.</summary>
    /// <returns>One line per header; empty for an empty query.</returns>
    public override string ToString()
    {
        var headers = GetHeaders();
        var lines = new string[headers.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = headers[i].Key + ": " + headers[i].Value;
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <inheritdoc/>
    public bool Equals(LifecycleTwinQuery? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var mine = GetHeaders();
        var theirs = other.GetHeaders();
        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (var i = 0; i < mine.Count; i++)
        {
            if (!string.Equals(mine[i].Key, theirs[i].Key, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(mine[i].Value, theirs[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LifecycleTwinQuery);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var header in GetHeaders())
        {
            hash.Add(header.Key, StringComparer.OrdinalIgnoreCase);
            hash.Add(header.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Adds this query's headers to an outgoing request, unvalidated (the values are not HTTP lists).</summary>
    /// <param name="headers">The request headers.</param>
    internal void ApplyTo(HttpRequestHeaders headers)
    {
        foreach (var header in GetHeaders())
        {
            headers.Remove(header.Key);
            headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    private void AddTyped(List<KeyValuePair<string, string>> headers, string name, string? value)
    {
        if (value is not null && FindRawHeader(name) < 0)
        {
            headers.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    private int FindRawHeader(string name)
    {
        for (var i = 0; i < _rawHeaders.Length; i++)
        {
            if (string.Equals(_rawHeaders[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
