using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;

/// <summary>
/// Reads the scalar answers of the edge API. The doc shows <c>{"value":14.5288}</c> for readings and
/// <c>{"content":"eth0"}</c> for the interface, but no body for serialNumber, time, timeAccurate, stateOfCharge,
/// versions or connections; those are read from <c>value</c>, <c>content</c> or <c>time</c>, a bare JSON scalar, or
/// plain text, whichever the device sends. Plain text is accepted only when <c>allowPlainText</c> is set (the response
/// was not labelled JSON): a body labelled JSON that does not parse is an error.
/// </summary>
internal static class EdgeResponseReader
{
    private static readonly string[] ScalarKeys = ["value", "content", "time"];

    public static double ReadDouble(ReadOnlySpan<byte> body, bool allowPlainText = true)
    {
        var (kind, text) = ReadScalar(body, allowPlainText);
        if (kind is JsonValueKind.Number or JsonValueKind.String
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new JsonException("Expected a number in the THREAD response.");
    }

    public static bool ReadBoolean(ReadOnlySpan<byte> body, bool allowPlainText = true)
    {
        var (kind, text) = ReadScalar(body, allowPlainText);
        return kind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String or JsonValueKind.Undefined when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => true,
            JsonValueKind.String or JsonValueKind.Undefined when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new JsonException("Expected true or false in the THREAD response."),
        };
    }

    public static string ReadString(ReadOnlySpan<byte> body, bool allowPlainText = true)
    {
        var (kind, text) = ReadScalar(body, allowPlainText);
        return kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Undefined && text.Length > 0
            ? text
            : throw new JsonException("Expected a text value in the THREAD response.");
    }

    public static DateTimeOffset ReadTime(ReadOnlySpan<byte> body, bool allowPlainText = true)
    {
        var text = ReadString(body, allowPlainText);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new JsonException("Expected an ISO 8601 time in the THREAD response.");
    }

    /// <summary>Returns the scalar's kind and its text; <see cref="JsonValueKind.Undefined"/> means the body was not JSON.</summary>
    private static (JsonValueKind Kind, string Text) ReadScalar(ReadOnlySpan<byte> body, bool allowPlainText)
    {
        try
        {
            return ReadScalarCore(body, allowPlainText);
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 or a lone surrogate in a property name or string: a malformed body, not an internal error.
            throw new JsonException("The THREAD response holds text that is not valid UTF-8.", ex);
        }
    }

    private static (JsonValueKind Kind, string Text) ReadScalarCore(ReadOnlySpan<byte> body, bool allowPlainText)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException) when (allowPlainText)
        {
            return (JsonValueKind.Undefined, Encoding.UTF8.GetString(body).Trim().Trim('"'));
        }

        using (document)
        {
            var element = document.RootElement;
            if (element.ValueKind == JsonValueKind.Object)
            {
                var found = false;
                foreach (var key in ScalarKeys)
                {
                    if (element.TryGetProperty(key, out var property))
                    {
                        element = property;
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    throw new JsonException("The THREAD response has none of the properties value, content or time.");
                }
            }

            return element.ValueKind switch
            {
                JsonValueKind.String => (JsonValueKind.String, element.GetString()!),
                JsonValueKind.Number => (JsonValueKind.Number, element.GetRawText()),
                JsonValueKind.True or JsonValueKind.False => (element.ValueKind, element.GetRawText()),
                _ => throw new JsonException("Expected a scalar value in the THREAD response."),
            };
        }
    }
}
