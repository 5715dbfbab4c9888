namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// A query split into the header parameters of the declared endpoints (<see cref="ISitesApi"/> …): the four typed
/// query headers, and every other (raw) header for Refit's <c>[HeaderCollection]</c>.
/// </summary>
internal readonly record struct QueryHeaders(string? Select, string? Filter, string? Sort, string? Pagination, IDictionary<string, string> Other)
{
    private static readonly IDictionary<string, string> NoHeaders = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The headers of a request that sends only <paramref name="selection"/> (a get-by-id without a query).</summary>
    public static QueryHeaders SelectOnly(Selection selection) => new(selection.ToHeaderValue(), null, null, null, NoHeaders);

    /// <summary>Splits the headers <paramref name="query"/> sends (a raw <c>select</c> … already replaces the typed one).</summary>
    public static QueryHeaders From(LifecycleTwinQuery query)
    {
        string? select = null, filter = null, sort = null, pagination = null;
        Dictionary<string, string>? other = null;
        foreach (var header in query.GetHeaders())
        {
            if (Is(header.Key, QueryHeaderNames.Select))
            {
                select = header.Value;
            }
            else if (Is(header.Key, QueryHeaderNames.Filter))
            {
                filter = header.Value;
            }
            else if (Is(header.Key, QueryHeaderNames.Sort))
            {
                sort = header.Value;
            }
            else if (Is(header.Key, QueryHeaderNames.Pagination))
            {
                pagination = header.Value;
            }
            else
            {
                (other ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[header.Key] = header.Value;
            }
        }

        return new QueryHeaders(select, filter, sort, pagination, other ?? NoHeaders);
    }

    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
