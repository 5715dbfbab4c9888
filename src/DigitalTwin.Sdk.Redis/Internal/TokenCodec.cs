using System.Security.Cryptography;
using System.Text.Json;
using DigitalTwin.Sdk.Core.Auth;

namespace DigitalTwin.Sdk.Redis.Internal;

/// <summary>
/// Turns tokens into stored bytes and back: JSON, then optionally encrypted (the host's data protector, or AES-GCM with
/// the key given). What cannot be read back — foreign data, another key, a cut value — is no token (<see langword="null"/>).
/// </summary>
internal sealed class TokenCodec(RedisScaleOutOptions options)
{
    private const byte AesGcmFormat = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Encode(AccessToken token)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new StoredToken(token.Value, token.ExpiresOn.ToUnixTimeMilliseconds(), token.IssuedOn.ToUnixTimeMilliseconds(), token.RefreshToken, token.Scheme),
            RedisJsonContext.Default.StoredToken);
        if (options.TokenProtector is { } protector)
        {
            return protector.Protect(json);
        }

        if (options.TokenEncryptionKey is { } key)
        {
            var sealedBytes = new byte[1 + NonceSize + TagSize + json.Length];
            sealedBytes[0] = AesGcmFormat;
            var nonce = sealedBytes.AsSpan(1, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, json, sealedBytes.AsSpan(1 + NonceSize + TagSize), sealedBytes.AsSpan(1 + NonceSize, TagSize));
            return sealedBytes;
        }

        return json;
    }

    public AccessToken? Decode(byte[]? stored)
    {
        if (stored is null || stored.Length == 0)
        {
            return null;
        }

        try
        {
            var json = Unprotect(stored);
            if (json is null)
            {
                return null;
            }

            var token = JsonSerializer.Deserialize(json, RedisJsonContext.Default.StoredToken);
            if (token is null || string.IsNullOrWhiteSpace(token.Value) || string.IsNullOrWhiteSpace(token.Scheme))
            {
                return null;
            }

            return new AccessToken(token.Value, DateTimeOffset.FromUnixTimeMilliseconds(token.ExpiresOn), DateTimeOffset.FromUnixTimeMilliseconds(token.IssuedOn), token.RefreshToken, token.Scheme);
        }
        catch (Exception ex) when (ex is JsonException or CryptographicException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private byte[]? Unprotect(byte[] stored)
    {
        if (options.TokenProtector is { } protector)
        {
            return protector.Unprotect(stored);
        }

        if (options.TokenEncryptionKey is { } key)
        {
            if (stored.Length < 1 + NonceSize + TagSize || stored[0] != AesGcmFormat)
            {
                return null;
            }

            var plain = new byte[stored.Length - 1 - NonceSize - TagSize];
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(stored.AsSpan(1, NonceSize), stored.AsSpan(1 + NonceSize + TagSize), stored.AsSpan(1 + NonceSize, TagSize), plain);
            return plain;
        }

        return stored;
    }
}
