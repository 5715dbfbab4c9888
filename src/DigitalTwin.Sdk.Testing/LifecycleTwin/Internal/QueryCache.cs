using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// Runs filter + sort over a resource list and caches the ordered matches, so walking 100,000 items page by page
/// costs one filter and one sort instead of one per page. The seeded data never changes, so entries never go stale.
/// Concurrent identical queries (e.g. a client prefetching the next page) compute once.
/// </summary>
internal sealed class QueryCache
{
    private const int Capacity = 128;
    private readonly ConcurrentDictionary<string, Lazy<int[]>> _results = new(StringComparer.Ordinal);

    /// <summary>The cache key of a query: filter header text as sent, sort keys normalized.</summary>
    public static string Key(string resource, string? siteId, string? filter, IReadOnlyList<SortKey> sort) =>
        string.Join('\n', resource, siteId, filter, string.Join(',', sort.Select(s => s.Path.Text.ToLowerInvariant() + (s.Descending ? " desc" : " asc"))));

    public int[] Run(string key, IReadOnlyList<object> items, Func<object, bool>? filter, IReadOnlyList<SortKey> sort)
    {
        if (_results.Count >= Capacity)
        {
            _results.Clear();
        }

        return _results.GetOrAdd(key, _ => new Lazy<int[]>(() => Execute(items, filter, sort))).Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Execute(IReadOnlyList<object> items, Func<object, bool>? filter, IReadOnlyList<SortKey> sort)
    {
        int[] matches;
        if (filter is null)
        {
            matches = new int[items.Count];
            for (var i = 0; i < matches.Length; i++)
            {
                matches[i] = i;
            }
        }
        else
        {
            var list = new List<int>();
            for (var i = 0; i < items.Count; i++)
            {
                if (filter(items[i]))
                {
                    list.Add(i);
                }
            }

            matches = [.. list];
        }

        if (sort.Count == 0 || matches.Length < 2)
        {
            return matches;
        }

        // Read every key once, then sort positions; ties fall back to seed order so the result is stable.
        var columns = new SortColumn[sort.Count];
        var descending = new bool[sort.Count];
        for (var k = 0; k < sort.Count; k++)
        {
            var values = new object?[matches.Length];
            for (var p = 0; p < matches.Length; p++)
            {
                values[p] = sort[k].Path.GetSingle(items[matches[p]]);
            }

            columns[k] = SortColumn.Create(values);
            descending[k] = sort[k].Descending;
        }

        var positions = new int[matches.Length];
        for (var p = 0; p < positions.Length; p++)
        {
            positions[p] = p;
        }

        Array.Sort(positions, new PositionComparer(columns, descending));
        var ordered = new int[positions.Length];
        for (var p = 0; p < positions.Length; p++)
        {
            ordered[p] = matches[positions[p]];
        }

        return ordered;
    }

    private sealed class PositionComparer(SortColumn[] columns, bool[] descending) : IComparer<int>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Compare(int x, int y)
        {
            for (var k = 0; k < columns.Length; k++)
            {
                var c = columns[k].Compare(x, y);
                if (c != 0)
                {
                    return descending[k] ? -c : c;
                }
            }

            return x.CompareTo(y);
        }
    }
}
