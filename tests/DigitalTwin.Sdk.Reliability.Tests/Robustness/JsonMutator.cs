using System.Text;

namespace DigitalTwin.Sdk.Reliability.Tests.Robustness;

/// <summary>
/// Seeded, reproducible mutations of a recorded JSON body: bit flips, truncation, deleted, inserted and duplicated
/// tokens, and value type swaps. The same seed always gives the same bytes.
/// </summary>
public static class JsonMutator
{
    private static readonly string[] Structural = [",", ":", "{", "}", "[", "]", "\"", "\\"];

    private static readonly string[] Strings =
    [
        "\"\"", "\"x\"", "\"\\ud800\"", "\"\\u0000\"", "\"2026-13-45T99:99:99Z\"", "\"urn:adsk.dtt:\"", "\"-1\"", "\"NaN\"",
        "\"" + new string('a', 300) + "\"", "\"\\\"\"",
    ];

    private static readonly string[] Numbers = ["0", "-1", "1.5", "1e400", "-1e400", "-9223372036854775809", "18446744073709551616", "2147483648", "1E+2", "-0"];

    private static readonly string[] Literals = ["null", "true", "false", "NaN", "nul"];

    private static readonly string[] Containers = ["{}", "[]", "[null]", "{\"a\":1}", "[[[[[[[[]]]]]]]]"];

    /// <summary>Returns a mutated copy of <paramref name="original"/> (1 to 3 mutations chosen by <paramref name="random"/>).</summary>
    public static byte[] Mutate(byte[] original, Random random)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(random);

        // Latin-1 maps bytes to chars one to one, so offsets stay byte offsets even after a flip breaks UTF-8.
        var text = Encoding.Latin1.GetString(original);
        var count = 1 + random.Next(3);
        for (var i = 0; i < count && text.Length > 0; i++)
        {
            text = MutateOnce(text, random);
        }

        return Encoding.Latin1.GetBytes(text);
    }

    private static string MutateOnce(string text, Random random)
    {
        var tokens = Tokenize(text);
        var kind = random.Next(6);
        if (tokens.Count == 0 && kind >= 2)
        {
            kind = random.Next(2);
        }

        switch (kind)
        {
            case 0:
                {
                    var chars = text.ToCharArray();
                    var at = random.Next(chars.Length);
                    chars[at] = (char)((byte)chars[at] ^ (byte)(1 << random.Next(8)));
                    return new string(chars);
                }

            case 1:
                return text[..random.Next(text.Length)];
            case 2:
                {
                    var token = tokens[random.Next(tokens.Count)];
                    return text.Remove(token.Start, token.Length);
                }

            case 3:
                {
                    var at = random.Next(tokens.Count + 1);
                    var position = at == tokens.Count ? text.Length : tokens[at].Start;
                    return text.Insert(position, Pick(random, Structural, Strings, Numbers, Literals, Containers));
                }

            case 4:
                {
                    var values = tokens.Where(t => t.Kind != TokenKind.Structural).ToList();
                    if (values.Count == 0)
                    {
                        goto case 3;
                    }

                    var token = values[random.Next(values.Count)];
                    var replacement = token.Kind switch
                    {
                        TokenKind.String => Pick(random, Numbers, Literals, Containers),
                        TokenKind.Number => Pick(random, Strings, Literals, Containers),
                        _ => Pick(random, Strings, Numbers, Containers),
                    };
                    return text.Remove(token.Start, token.Length).Insert(token.Start, replacement);
                }

            default:
                {
                    var token = tokens[random.Next(tokens.Count)];
                    return text.Insert(token.Start, text.Substring(token.Start, token.Length));
                }
        }
    }

    private static string Pick(Random random, params string[][] pools)
    {
        var pool = pools[random.Next(pools.Length)];
        return pool[random.Next(pool.Length)];
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var start = i++;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, text.Length);
                tokens.Add(new Token(start, i - start, TokenKind.String));
            }
            else if (c is '-' or (>= '0' and <= '9'))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '-' or '+' or '.' or 'e' or 'E'))
                {
                    i++;
                }

                tokens.Add(new Token(start, i - start, TokenKind.Number));
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i - start, TokenKind.Literal));
            }
            else
            {
                tokens.Add(new Token(i++, 1, TokenKind.Structural));
            }
        }

        return tokens;
    }

    private enum TokenKind
    {
        Structural,
        String,
        Number,
        Literal,
    }

    private readonly record struct Token(int Start, int Length, TokenKind Kind);
}
