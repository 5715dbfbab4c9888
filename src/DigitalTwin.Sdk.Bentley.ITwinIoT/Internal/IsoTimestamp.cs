using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>ISO-8601 timestamps as the API writes them (<c>2016-12-15T23:38:07.000Z</c>), parsed without allocating.</summary>
internal static class IsoTimestamp
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>As the iTwin Platform Sensor Data examples write them: <c>2023-10-09T08:31:29Z</c>, milliseconds only when not zero.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The ISO text.</returns>
    public static string FormatPlatform(DateTimeOffset value) =>
        value.UtcDateTime.Millisecond == 0 && value.UtcDateTime.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : Format(value);

    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        // Fast path: exactly yyyy-MM-ddTHH:mm:ss.fffZ, the form every frame of a long series uses.
        if (utf8.Length == 24 && utf8[4] == '-' && utf8[7] == '-' && utf8[10] == 'T' && utf8[13] == ':' && utf8[16] == ':' && utf8[19] == '.' && utf8[23] == 'Z'
            && TryDigits(utf8[..4], out var year) && TryDigits(utf8.Slice(5, 2), out var month) && TryDigits(utf8.Slice(8, 2), out var day)
            && TryDigits(utf8.Slice(11, 2), out var hour) && TryDigits(utf8.Slice(14, 2), out var minute) && TryDigits(utf8.Slice(17, 2), out var second)
            && TryDigits(utf8.Slice(20, 3), out var millisecond)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month) && hour < 24 && minute < 60 && second < 60)
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
            return true;
        }

        if (Utf8Parser.TryParse(utf8, out value, out var consumed, 'O') && consumed == utf8.Length)
        {
            value = value.ToUniversalTime();
            return true;
        }

        Span<char> chars = stackalloc char[64];
        if (utf8.Length > chars.Length)
        {
            value = default;
            return false;
        }

        var count = Encoding.UTF8.GetChars(utf8, chars);
        if (DateTimeOffset.TryParse(chars[..count], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
