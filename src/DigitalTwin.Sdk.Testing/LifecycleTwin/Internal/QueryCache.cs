using System.Collections.Concurrent;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// Runs filter + sort over a resource list and caches the ordered matches, so walking 100,000 items page by page
/// costs one filter and one sort instead of one per page. The seeded data never changes, so entries never go stale.
/// </summary>
internal sealed class QueryCache
{
    private const int Capacity = 128;
    private readonly ConcurrentDictionary<string, int[]> _results = new(StringComparer.Ordinal);

    public int[] Run(
        string key,
        IReadOnlyList<object> items,
        Func<object, bool>? filter,
        IReadOnlyList<SortKey> sort)
    {
        if (_results.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Execute(items, filter, sort);
        if (_results.Count >= Capacity)
        {
            _results.Clear();
        }

        _results[key] = result;
        return result;
    }

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
        var keys = new object?[sort.Count][];
        for (var k = 0; k < sort.Count; k++)
        {
            var column = new object?[matches.Length];
            for (var p = 0; p < matches.Length; p++)
            {
                column[p] = sort[k].Path.GetSingle(items[matches[p]]);
            }

            keys[k] = column;
        }

        var descending = sort.Select(s => s.Descending).ToArray();
        var positions = new int[matches.Length];
        for (var p = 0; p < positions.Length; p++)
        {
            positions[p] = p;
        }

        Array.Sort(positions, (x, y) =>
        {
            for (var k = 0; k < keys.Length; k++)
            {
                var c = Values.CompareForSort(keys[k][x], keys[k][y]);
                if (c != 0)
                {
                    return descending[k] ? -c : c;
                }
            }

            return x.CompareTo(y);
        });

        var ordered = new int[positions.Length];
        for (var p = 0; p < positions.Length; p++)
        {
            ordered[p] = matches[positions[p]];
        }

        return ordered;
    }
}
