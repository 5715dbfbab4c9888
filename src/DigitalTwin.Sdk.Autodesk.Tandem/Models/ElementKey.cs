using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Models;

/// <summary>
/// The key of a Tandem element, in one of its two wire forms: the short key (20 bytes, the <c>k</c> of a scan row) or
/// the full key (24 bytes: a 4-byte big-endian <see cref="ElementKeyKind"/> followed by the short key), which the
/// timeseries API takes. Both travel as base64url without padding.
/// </summary>
/// <remarks>
/// Immutable. Equality compares the bytes, so a short key and its full form are different keys; compare
/// <see cref="ToShort"/> forms to match them. <see langword="default"/> is no key: <see cref="IsEmpty"/> is
/// <see langword="true"/> and every conversion throws <see cref="InvalidOperationException"/>. Layout from
/// <c>autodesk-tandem/tutorial-rest</c> <c>common/utils.js</c> (<c>toFullKey</c>, <c>toShortKey</c>).
/// </remarks>
[JsonConverter(typeof(ElementKeyJsonConverter))]
public readonly struct ElementKey : IEquatable<ElementKey>
{
    /// <summary>The length in bytes of a short key.</summary>
    public const int ShortLength = 20;

    /// <summary>The length in bytes of a full key.</summary>
    public const int FullLength = 24;

    private const int PrefixLength = FullLength - ShortLength;

    private readonly byte[]? _bytes;

    private ElementKey(byte[] bytes) => _bytes = bytes;

    /// <summary>Gets a value indicating whether this is <see langword="default"/>, no key at all.</summary>
    public bool IsEmpty => _bytes is null;

    /// <summary>Gets a value indicating whether this is a full (24-byte) key.</summary>
    public bool IsFull => _bytes?.Length == FullLength;

    /// <summary>Gets the prefix of a full key, or <see langword="null"/> for a short key or no key.</summary>
    /// <value>Usually <see cref="ElementKeyKind.Logical"/> or <see cref="ElementKeyKind.Physical"/>; other prefixes are kept as sent.</value>
    public ElementKeyKind? Kind => IsFull ? (ElementKeyKind)BinaryPrimitives.ReadUInt32BigEndian(_bytes) : null;

    /// <summary>Gets the key of the root element of a model (the facility itself): a short key of 20 zero bytes.</summary>
    public static ElementKey Root => new(new byte[ShortLength]);

    /// <summary>Creates a key from its bytes.</summary>
    /// <param name="bytes">20 bytes (short key) or 24 bytes (full key).</param>
    /// <returns>The key; the bytes are copied.</returns>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is neither 20 nor 24 bytes long.</exception>
    public static ElementKey FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length is ShortLength or FullLength
            ? new ElementKey(bytes.ToArray())
            : throw new ArgumentException($"An element key is {ShortLength} (short) or {FullLength} (full) bytes; got {bytes.Length}.", nameof(bytes));

    /// <summary>Parses a key from its wire text.</summary>
    /// <param name="text">Base64url without padding, as the service sends keys; standard base64 and padding are accepted too.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not base64 of 20 or 24 bytes.</exception>
    public static ElementKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var key)
            ? key
            : throw new FormatException($"An element key is base64url of {ShortLength} (short) or {FullLength} (full) bytes.");
    }

    /// <summary>Tries to parse a key from its wire text.</summary>
    /// <param name="text">Base64url without padding; standard base64 and padding are accepted too.</param>
    /// <param name="key">The key when valid, otherwise <see langword="default"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is base64 of 20 or 24 bytes.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ElementKey key)
    {
        key = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.AsSpan().TrimEnd('=');
        // 20 bytes are 27 characters, 24 bytes are 32.
        if (trimmed.Length is not (27 or 32))
        {
            return false;
        }

        Span<char> standard = stackalloc char[36];
        var length = trimmed.Length;
        for (var i = 0; i < length; i++)
        {
            var c = trimmed[i];
            standard[i] = c switch
            {
                '-' => '+',
                '_' => '/',
                _ => c,
            };
        }

        while (length % 4 != 0)
        {
            standard[length++] = '=';
        }

        Span<byte> bytes = stackalloc byte[FullLength];
        if (!Convert.TryFromBase64Chars(standard[..length], bytes, out var written) || written is not (ShortLength or FullLength))
        {
            return false;
        }

        key = new ElementKey(bytes[..written].ToArray());
        return true;
    }

    /// <summary>Gets the full form of this key, as the timeseries API takes it.</summary>
    /// <param name="kind">The prefix: <see cref="ElementKeyKind.Logical"/> for streams and other logical elements.</param>
    /// <returns>The full key; a full key gets its prefix replaced.</returns>
    /// <exception cref="InvalidOperationException">This is <see langword="default"/> (no key).</exception>
    public ElementKey ToFull(ElementKeyKind kind)
    {
        var shortKey = ShortSpan();
        var full = new byte[FullLength];
        BinaryPrimitives.WriteUInt32BigEndian(full, (uint)kind);
        shortKey.CopyTo(full.AsSpan(PrefixLength));
        return new ElementKey(full);
    }

    /// <summary>Gets the full form of this key for an element of the given type (the scan column <c>n:a</c>).</summary>
    /// <param name="flags">The element flags; a logical element (e.g. <see cref="ElementFlags.Stream"/>) gets the logical prefix.</param>
    /// <returns>The full key.</returns>
    /// <exception cref="InvalidOperationException">This is <see langword="default"/> (no key).</exception>
    public ElementKey ToFull(ElementFlags flags) => ToFull(flags.ToKeyKind());

    /// <summary>Gets the short form of this key, as a scan row's <c>k</c>.</summary>
    /// <returns>The short key; a short key is returned as is.</returns>
    /// <exception cref="InvalidOperationException">This is <see langword="default"/> (no key).</exception>
    public ElementKey ToShort() => IsFull ? new ElementKey(_bytes.AsSpan(PrefixLength).ToArray()) : this.EnsureNotEmpty();

    /// <summary>Gets a copy of the key's bytes.</summary>
    /// <returns>20 or 24 bytes; empty for <see langword="default"/>.</returns>
    public byte[] ToArray() => _bytes is null ? [] : (byte[])_bytes.Clone();

    /// <summary>Returns the wire text: base64url without padding.</summary>
    /// <returns>The text; empty for <see langword="default"/>.</returns>
    public override string ToString()
    {
        if (_bytes is null)
        {
            return string.Empty;
        }

        var text = Convert.ToBase64String(_bytes).TrimEnd('=');
        return text.Replace('+', '-').Replace('/', '_');
    }

    /// <inheritdoc />
    public bool Equals(ElementKey other) => _bytes is null
        ? other._bytes is null
        : other._bytes is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ElementKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Compares two keys byte by byte.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when both hold the same bytes.</returns>
    public static bool operator ==(ElementKey left, ElementKey right) => left.Equals(right);

    /// <summary>Compares two keys byte by byte.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns><see langword="true"/> when the bytes differ.</returns>
    public static bool operator !=(ElementKey left, ElementKey right) => !left.Equals(right);

    private ReadOnlySpan<byte> ShortSpan() => _bytes switch
    {
        null => throw new InvalidOperationException("This element key is default: it holds no key."),
        { Length: FullLength } => _bytes.AsSpan(PrefixLength),
        _ => _bytes,
    };

    private ElementKey EnsureNotEmpty() => _bytes is null ? throw new InvalidOperationException("This element key is default: it holds no key.") : this;
}

/// <summary>Reads and writes an <see cref="ElementKey"/> as its base64url string.</summary>
internal sealed class ElementKeyJsonConverter : JsonConverter<ElementKey>
{
    public override ElementKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !ElementKey.TryParse(reader.GetString(), out var key))
        {
            throw new JsonException("An element key is a base64url string of 20 or 24 bytes.");
        }

        return key;
    }

    public override void Write(Utf8JsonWriter writer, ElementKey value, JsonSerializerOptions options)
    {
        if (value.IsEmpty)
        {
            throw new JsonException("A default element key cannot be written.");
        }

        writer.WriteStringValue(value.ToString());
    }
}
