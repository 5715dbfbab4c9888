using System.Buffers.Text;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>The routing-relevant parts of one incoming JSON-RPC message, parsed without copying the result.</summary>
internal struct JsonRpcEnvelope
{
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
