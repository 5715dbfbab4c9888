using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>Reads the <c>exp</c> claim of a JWT without validating it (the service validates; the SDK only schedules refreshes).</summary>
public static class JwtExpiry
{
    /// <summary>Tries to read the expiry of <paramref name="token"/>.</summary>
    /// <param name="token">A compact-serialized JWT (<c>header.payload.signature</c>), or any other string.</param>
    /// <param name="expiresOn">The <c>exp</c> claim as a UTC time.</param>
    /// <returns><see langword="true"/> when the token is a JWT with a numeric <c>exp</c> claim.</returns>
    public static bool TryRead(string? token, out DateTimeOffset expiresOn)
    {
        expiresOn = default;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (secondDot < 0)
        {
            return false;
        }

        var payload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return false;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, written));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isExp = reader.ValueTextEquals("exp"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isExp && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds)
                    && seconds > 0 && seconds < 253402300799)
                {
                    expiresOn = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    return true;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
