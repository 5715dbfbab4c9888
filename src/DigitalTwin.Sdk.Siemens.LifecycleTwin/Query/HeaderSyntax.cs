using System.Globalization;
using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Lexical rules shared by the Lifecycle Twin query headers: field names, JSON string escaping and
/// header-safe ASCII checks.
/// </summary>
internal static class HeaderSyntax
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Whether <paramref name="name"/> matches <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    internal static bool IsFieldName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !IsFieldNameStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsFieldNamePart(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid field name.</summary>
    internal static string ValidateFieldName(string? name, string paramName)
    {
        if (name is null)
        {
            throw new ArgumentNullException(paramName, "A field name cannot be null.");
        }

        if (!IsFieldName(name))
        {
            throw new ArgumentException(
                $"'{Printable(name)}' is not a valid Lifecycle Twin field name: expected a letter or '_' followed by letters, digits or '_'.",
                paramName);
        }

        return name;
    }

    /// <summary>
    /// Appends <paramref name="value"/> as a JSON string literal that is pure ASCII: <c>"</c> and <c>\</c> are
    /// backslash-escaped, control characters (U+0000–U+001F, U+007F) and every non-ASCII character are written as
    /// <c>\uXXXX</c> (upper-case hex), characters outside the BMP as two escapes (a surrogate pair).
    /// </summary>
    /// <exception cref="ArgumentException">The string contains an unpaired surrogate.</exception>
    internal static void AppendJsonString(StringBuilder builder, string value, string paramName)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case >= ' ' and < '\u007F':
                    builder.Append(c);
                    break;
                default:
                    if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                        {
                            throw UnpairedSurrogate(i, paramName);
                        }

                        AppendUnicodeEscape(builder, c);
                        AppendUnicodeEscape(builder, value[++i]);
                    }
                    else if (char.IsLowSurrogate(c))
                    {
                        throw UnpairedSurrogate(i, paramName);
                    }
                    else
                    {
                        AppendUnicodeEscape(builder, c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Whether <paramref name="name"/> is an HTTP token (RFC 9110 <c>tchar</c>s), i.e. a legal header name.</summary>
    internal static bool IsHeaderName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> only holds visible ASCII, spaces and tabs (no CR/LF, no non-ASCII).</summary>
    internal static bool IsHeaderValue(string value)
    {
        foreach (var c in value)
        {
            if (c is not ((>= ' ' and < '\u007F') or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Renders a string for an exception message: control and non-ASCII characters as <c>\uXXXX</c>, capped in length.</summary>
    internal static string Printable(string value)
    {
        const int MaxLength = 64;
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        for (var i = 0; i < value.Length && i < MaxLength; i++)
        {
            var c = value[i];
            if (c is >= ' ' and < '\u007F')
            {
                builder.Append(c);
            }
            else
            {
                AppendUnicodeEscape(builder, c);
            }
        }

        if (value.Length > MaxLength)
        {
            builder.Append("...");
        }

        return builder.ToString();
    }

    private static bool IsFieldNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsFieldNamePart(char c) => IsFieldNameStart(c) || c is >= '0' and <= '9';

    private static void AppendUnicodeEscape(StringBuilder builder, char c)
    {
        builder.Append("\\u")
            .Append(HexDigits[(c >> 12) & 0xF])
            .Append(HexDigits[(c >> 8) & 0xF])
            .Append(HexDigits[(c >> 4) & 0xF])
            .Append(HexDigits[c & 0xF]);
    }

    private static ArgumentException UnpairedSurrogate(int index, string paramName) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The string has an unpaired UTF-16 surrogate at index {index}; it cannot be encoded as JSON."), paramName);
}
