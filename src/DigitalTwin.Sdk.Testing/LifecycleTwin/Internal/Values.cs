using System.Globalization;
using System.Text.Json;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;

/// <summary>
/// Value semantics shared by filter, sort and output (LT-WIRE): strings compare ordinal-ignore-case for equality and
/// text clauses and ordinal for ordering; numbers numerically; dates as instants.
/// </summary>
internal static class Values
{
    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public static string FormatUtc(DateTimeOffset value) =>
        value.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    public static string FormatLocal(DateTimeOffset value) => value.ToString(LocalFormat, CultureInfo.InvariantCulture);

    /// <summary>The text a text clause (<c>contains</c> ...) matches against, as the value appears on the wire.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => FormatUtc(t),
        LocalTimestamp t => FormatLocal(t.Value),
        _ => null,
    };

    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyList<object> list => list.Count == 0,
        _ => false,
    };

    public static bool AreEqual(object? field, FilterValue value)
    {
        if (value.Kind == JsonValueKind.Null || field is null)
        {
            return value.Kind == JsonValueKind.Null && field is null;
        }

        return field switch
        {
            string s => value.Kind switch
            {
                JsonValueKind.String => string.Equals(s, value.Text, StringComparison.OrdinalIgnoreCase),
                JsonValueKind.Number => TryNumber(s, out var n) && n == value.Number,
                _ => bool.TryParse(s, out var b) && b == (value.Kind == JsonValueKind.True),
            },
            bool b => value.Kind switch
            {
                JsonValueKind.True or JsonValueKind.False => b == (value.Kind == JsonValueKind.True),
                JsonValueKind.String => bool.TryParse(value.Text, out var parsed) && parsed == b,
                _ => false,
            },
            _ => Compare(field, value) == 0,
        };
    }

    /// <summary>Compares a field value with a filter value; <see langword="null"/> when they cannot be ordered.</summary>
    public static int? Compare(object? field, FilterValue value)
    {
        switch (field)
        {
            case string s when value.Kind == JsonValueKind.String:
                return Math.Sign(string.CompareOrdinal(s, value.Text));
            case string s when value.Kind == JsonValueKind.Number:
                return TryNumber(s, out var parsed) ? parsed.CompareTo(value.Number) : null;
            case double or long:
                var number = Convert.ToDouble(field, CultureInfo.InvariantCulture);
                if (value.Kind == JsonValueKind.Number)
                {
                    return number.CompareTo(value.Number);
                }

                return value.Kind == JsonValueKind.String && TryNumber(value.Text, out var other) ? number.CompareTo(other) : null;
            case DateTimeOffset or LocalTimestamp when value.Kind == JsonValueKind.String:
                var instant = field is LocalTimestamp local ? local.Value : (DateTimeOffset)field;
                return DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    ? instant.CompareTo(date)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Orders two field values for <c>sort</c>: null first, then by type, then by value.</summary>
    public static int CompareForSort(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        switch (x, y)
        {
            case (string a, string b):
                var c = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
                return c != 0 ? c : string.CompareOrdinal(a, b);
            case (double or long, double or long):
                return Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture));
            case (bool a, bool b):
                return a.CompareTo(b);
            case (DateTimeOffset or LocalTimestamp, DateTimeOffset or LocalTimestamp):
                return Instant(x).CompareTo(Instant(y));
            default:
                return Rank(x).CompareTo(Rank(y));
        }
    }

    private static DateTimeOffset Instant(object value) => value is LocalTimestamp local ? local.Value : (DateTimeOffset)value;

    private static int Rank(object value) => value switch
    {
        bool => 1,
        double or long => 2,
        DateTimeOffset or LocalTimestamp => 3,
        string => 4,
        _ => 5,
    };

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
