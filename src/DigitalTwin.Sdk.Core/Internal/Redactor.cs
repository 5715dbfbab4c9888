using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>Removes secrets and personal values from what is logged or put in exception data.</summary>
internal static class Redactor
{
    internal const string Mask = "***";

    private static readonly HashSet<string> SafeHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Encoding", "Content-Type", "Content-Length", "Content-Encoding", "User-Agent", "Date",
        "X-Request-Id", "Request-Id", "X-Correlation-Id", "Retry-After", "Cache-Control", "Connection",
        "Transfer-Encoding", "Server", "Vary", "select", "sort", "pagination", "traceparent",
    };

    private static readonly HashSet<string> SafeQueryKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "page[limit]", "page[size]", "page[number]", "page[offset]", "pageSize", "limit", "include", "sort",
        "excludeLegacy", "api-version", "includeHistory",
    };

    private static readonly string[] SecretNameParts =
    [
        "token", "secret", "password", "passwd", "apikey", "api_key", "authorization", "code_verifier", "credential", "signature", "sig",
    ];

    /// <summary>Tells whether a header value may be logged as is.</summary>
    public static bool IsSafeHeader(string name) => SafeHeaders.Contains(name);

    /// <summary>Tells whether a JSON property or form field of this name holds a secret.</summary>
    public static bool IsSecretName(string name)
    {
        foreach (var part in SecretNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return string.Equals(name, "code", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "key", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Scheme, host, port and path of <paramref name="uri"/>; query values masked except allow-listed keys.</summary>
    public static string RedactUri(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        if (!uri.IsAbsoluteUri)
        {
            var text = uri.OriginalString;
            var q = text.IndexOf('?', StringComparison.Ordinal);
            return q < 0 ? text : text[..q] + RedactQuery(text[q..]);
        }

        var left = uri.GetLeftPart(UriPartial.Path);
        return uri.Query.Length == 0 ? left : left + RedactQuery(uri.Query);
    }

    private static string RedactQuery(string query)
    {
        var builder = new StringBuilder("?");
        var parts = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? parts[i] : parts[i][..eq];
            var decoded = Uri.UnescapeDataString(key);
            builder.Append(key);
            if (eq >= 0)
            {
                builder.Append('=').Append(SafeQueryKeys.Contains(decoded) ? parts[i][(eq + 1)..] : Mask);
            }
        }

        return builder.ToString();
    }

    /// <summary>A short, secret-free summary of a body: JSON with secret-named values masked, or form fields masked, truncated.</summary>
    public static string? SummarizeBody(ReadOnlySpan<byte> body, int maxChars = 300)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var text = RedactBody(body);
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), "…");
    }

    /// <summary>The body as text with every secret-named JSON value or form field masked.</summary>
    public static string RedactBody(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        if (!trimmed.IsEmpty && (trimmed[0] == (byte)'{' || trimmed[0] == (byte)'['))
        {
            var json = TryRedactJson(body);
            if (json is not null)
            {
                return json;
            }

            // Not parseable: do not echo a broken body that may contain anything.
            return $"<{body.Length} bytes of malformed JSON>";
        }

        var text = Encoding.UTF8.GetString(body);
        if (text.Contains('=', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal))
        {
            return RedactForm(text);
        }

        return LooksLikeToken(text) ? Mask : text;
    }

    private static bool LooksLikeToken(string text) =>
        text.Length > 20 && text.Count(c => c == '.') == 2 && !text.Contains(' ', StringComparison.Ordinal);

    private static string RedactForm(string form)
    {
        var parts = form.Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && IsSecretName(Uri.UnescapeDataString(parts[i][..eq])))
            {
                parts[i] = parts[i][..(eq + 1)] + Mask;
            }
        }

        return string.Join('&', parts);
    }

    private static string? TryRedactJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var output = new ArrayBufferWriter<byte>(body.Length);
            using (var writer = new Utf8JsonWriter(output))
            {
                var maskNext = false;
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            var name = reader.GetString() ?? string.Empty;
                            writer.WritePropertyName(name);
                            maskNext = IsSecretName(name);
                            continue;
                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            if (maskNext)
                            {
                                writer.WriteStringValue(Mask);
                                reader.Skip();
                            }
                            else if (reader.TokenType == JsonTokenType.StartObject)
                            {
                                writer.WriteStartObject();
                            }
                            else
                            {
                                writer.WriteStartArray();
                            }

                            break;
                        case JsonTokenType.EndObject:
                            writer.WriteEndObject();
                            break;
                        case JsonTokenType.EndArray:
                            writer.WriteEndArray();
                            break;
                        default:
                            if (maskNext)
                            {
                                writer.WriteStringValue(Mask);
                            }
                            else if (reader.TokenType == JsonTokenType.String && LooksLikeToken(reader.GetString() ?? string.Empty))
                            {
                                writer.WriteStringValue(Mask);
                            }
                            else
                            {
                                using var doc = JsonDocument.ParseValue(ref reader);
                                doc.RootElement.WriteTo(writer);
                            }

                            break;
                    }

                    maskNext = false;
                }
            }

            return Encoding.UTF8.GetString(output.WrittenSpan);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
