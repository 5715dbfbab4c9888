using System.Globalization;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// The values of one sort key for every candidate row, stored typed when the column is homogeneous (strings, numbers or
/// dates) so that sorting 100,000 rows compares without boxing or type switches.
/// </summary>
internal abstract class SortColumn
{
    public abstract int Compare(int x, int y);

    public static SortColumn Create(object?[] values)
    {
        if (values.All(v => v is null or string))
        {
            return new StringColumn(values.Select(v => (string?)v).ToArray(), values.Select(v => ((string?)v)?.ToUpperInvariant()).ToArray());
        }

        if (values.All(v => v is null or double or long))
        {
            return new NumberColumn(values.Select(v => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray(), values.Select(v => v is null).ToArray());
        }

        if (values.All(v => v is null or DateTimeOffset or LocalTimestamp))
        {
            return new NumberColumn(
                values.Select(v => v switch
                {
                    DateTimeOffset t => (double)t.UtcTicks,
                    LocalTimestamp t => t.Value.UtcTicks,
                    _ => double.NaN,
                }).ToArray(),
                values.Select(v => v is null).ToArray());
        }

        return new ObjectColumn(values);
    }

    /// <remarks>
    /// Orders like <see cref="StringComparison.OrdinalIgnoreCase"/> (which compares upper-case forms), then ordinal for ties,
    /// using upper-cased copies made once so each comparison is a plain ordinal one.
    /// </remarks>
    private sealed class StringColumn(string?[] values, string?[] upper) : SortColumn
    {
        public override int Compare(int x, int y)
        {
            var a = upper[x];
            var b = upper[y];
            if (a is null || b is null)
            {
                return (a is null ? 0 : 1) - (b is null ? 0 : 1);
            }

            var c = string.CompareOrdinal(a, b);
            return c != 0 ? c : string.CompareOrdinal(values[x], values[y]);
        }
    }

    /// <remarks>Dates are stored as UTC ticks; doubles keep tick order to well under a millisecond, enough for a 1 ms wire format.</remarks>
    private sealed class NumberColumn(double[] values, bool[] nulls) : SortColumn
    {
        public override int Compare(int x, int y)
        {
            if (nulls[x] || nulls[y])
            {
                return (nulls[x] ? 0 : 1) - (nulls[y] ? 0 : 1);
            }

            return values[x].CompareTo(values[y]);
        }
    }

    private sealed class ObjectColumn(object?[] values) : SortColumn
    {
        public override int Compare(int x, int y) => Values.CompareForSort(values[x], values[y]);
    }
}
