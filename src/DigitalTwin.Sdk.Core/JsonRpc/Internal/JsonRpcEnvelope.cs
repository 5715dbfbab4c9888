using System.Buffers.Text;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>The routing-relevant parts of one incoming JSON-RPC message, parsed without copying the result.</summary>
internal struct JsonRpcEnvelope
{
    private static readonly System.Buffers.SearchValues<byte> Structural = System.Buffers.SearchValues.Create("\"{}[]"u8);

    public bool HasId;
    public long Id;
    public bool HasMethod;
    public int ResultStart;
    public int ResultLength;
    public bool HasError;
    public int ErrorCode;
    public string? ErrorMessage;
    public JsonElement? ErrorData;

    public readonly bool HasResult => ResultLength > 0;

    /// <summary>Parses the envelope. Member order does not matter (servers often put <c>id</c> last).</summary>
    /// <param name="json">One message.</param>
    /// <param name="envelope">The parsed envelope.</param>
    /// <returns><see langword="false"/> when the message is not a JSON object or not valid JSON.</returns>
    public static bool TryParse(ReadOnlySpan<byte> json, out JsonRpcEnvelope envelope)
    {
        envelope = default;
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    envelope.HasId = TryReadId(ref reader, out envelope.Id);
                }
                else if (reader.ValueTextEquals("result"u8))
                {
                    reader.Read();
                    envelope.ResultStart = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                        && FindContainerEnd(json, envelope.ResultStart) is var end and > 0)
                    {
                        // A large result (a getData frame) is not tokenized twice: its end is found by bracket matching,
                        // and the result parser validates it. The members after it are read from the small tail.
                        envelope.ResultLength = end - envelope.ResultStart;
                        return TryParseTail(json[end..], ref envelope);
                    }

                    reader.Skip();
                    envelope.ResultLength = (int)reader.BytesConsumed - envelope.ResultStart;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    envelope.HasError = true;
                    ReadError(ref reader, ref envelope);
                }
                else if (reader.ValueTextEquals("method"u8))
                {
                    envelope.HasMethod = true;
                    reader.Read();
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Finds the end (exclusive) of the object or array starting at <paramref name="start"/> by matching brackets outside
    /// strings; -1 when unbalanced. Cheaper than tokenizing: numbers and literals are not looked at.
    /// </summary>
    internal static int FindContainerEnd(ReadOnlySpan<byte> json, int start)
    {
        var depth = 0;
        var i = start;
        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(Structural);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            switch (json[i])
            {
                case (byte)'"':
                    i++;
                    while (true)
                    {
                        var quote = json[i..].IndexOfAny((byte)'"', (byte)'\\');
                        if (quote < 0)
                        {
                            return -1;
                        }

                        i += quote;
                        if (json[i] == (byte)'\\')
                        {
                            i += 2;
                            if (i >= json.Length)
                            {
                                return -1;
                            }

                            continue;
                        }

                        i++;
                        break;
                    }

                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    i++;
                    break;
                default:
                    depth--;
                    i++;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>Reads what follows the result: the closing brace, or more members (",\"id\":7}") parsed as an object.</summary>
    private static bool TryParseTail(ReadOnlySpan<byte> tail, ref JsonRpcEnvelope envelope)
    {
        tail = tail.TrimStart(" \t\r\n"u8);
        if (tail.Length > 0 && tail[0] == (byte)'}')
        {
            return tail[1..].TrimStart(" \t\r\n"u8).IsEmpty;
        }

        if (tail.Length == 0 || tail[0] != (byte)',')
        {
            return false;
        }

        // ",rest}" becomes "{rest}", a JSON object of the remaining members.
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(tail.Length);
        try
        {
            rented[0] = (byte)'{';
            tail[1..].CopyTo(rented.AsSpan(1));
            if (!TryParse(rented.AsSpan(0, tail.Length), out var rest))
            {
                return false;
            }

            if (rest.HasResult)
            {
                // A second "result" member: not a well-formed response.
                return false;
            }

            envelope.HasId |= rest.HasId;
            envelope.Id = rest.HasId ? rest.Id : envelope.Id;
            envelope.HasMethod |= rest.HasMethod;
            if (rest.HasError)
            {
                envelope.HasError = true;
                envelope.ErrorCode = rest.ErrorCode;
                envelope.ErrorMessage = rest.ErrorMessage;
                envelope.ErrorData = rest.ErrorData;
            }

            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool TryReadId(ref Utf8JsonReader reader, out long id)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out id);
            case JsonTokenType.String when !reader.ValueIsEscaped:
                // Some servers echo ids as strings ("id": "2"); accept numeric strings.
                return Utf8Parser.TryParse(reader.ValueSpan, out id, out var consumed) && consumed == reader.ValueSpan.Length;
            default:
                id = 0;
                reader.Skip();
                return false;
        }
    }

    private static void ReadError(ref Utf8JsonReader reader, ref JsonRpcEnvelope envelope)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            envelope.ErrorMessage = reader.TokenType == JsonTokenType.String ? reader.GetString() : "Malformed error object.";
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code))
                {
                    envelope.ErrorCode = code;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                envelope.ErrorMessage = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                envelope.ErrorData = JsonElement.ParseValue(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }
}
