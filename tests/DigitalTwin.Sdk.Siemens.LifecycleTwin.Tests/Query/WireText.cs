using System.Text;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Query;

/// <summary>Helpers to compare header values the way the server reads them.</summary>
internal static class WireText
{
    /// <summary>Removes whitespace that is outside double-quoted strings (the doc's own spacing varies).</summary>
    public static string StripInsignificantWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    builder.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Asserts that two header values are equal once insignificant whitespace is removed.</summary>
    public static void AssertEquivalent(string documented, string actual) =>
        Assert.Equal(StripInsignificantWhitespace(documented), StripInsignificantWhitespace(actual));
}
