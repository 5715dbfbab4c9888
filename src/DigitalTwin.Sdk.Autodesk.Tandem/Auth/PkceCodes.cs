using System.Security.Cryptography;
using System.Text;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>
/// A PKCE (RFC 7636) code verifier and its S256 code challenge for the APS three-legged authorization-code flow.
/// </summary>
/// <remarks>The verifier is a secret until the code is exchanged: keep it server-side; <see cref="ToString"/> never shows it.</remarks>
public sealed record PkceCodes
{
    /// <summary>The only challenge method the SDK uses: <c>S256</c>.</summary>
    public const string ChallengeMethod = "S256";

    private PkceCodes(string verifier)
    {
        Verifier = verifier;
        Challenge = ComputeChallenge(verifier);
    }

    /// <summary>Gets the code verifier (sent as <c>code_verifier</c> with the code exchange).</summary>
    public string Verifier { get; }

    /// <summary>Gets the code challenge: BASE64URL(SHA256(ASCII(verifier))) without padding (sent as <c>code_challenge</c>).</summary>
    public string Challenge { get; }

    /// <summary>Creates codes with a random 43-character verifier (32 random bytes, base64url).</summary>
    /// <returns>New codes.</returns>
    public static PkceCodes Create() => new(Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Creates codes from a known verifier.</summary>
    /// <param name="verifier">43 to 128 characters from <c>A-Z a-z 0-9 - . _ ~</c>.</param>
    /// <returns>The codes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verifier"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="verifier"/> breaks the RFC 7636 length or character rules.</exception>
    public static PkceCodes FromVerifier(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (verifier.Length is < 43 or > 128)
        {
            throw new ArgumentException("A PKCE code verifier has 43 to 128 characters.", nameof(verifier));
        }

        foreach (var c in verifier)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.' and not '_' and not '~')
            {
                throw new ArgumentException("A PKCE code verifier uses only A-Z, a-z, 0-9, '-', '.', '_' and '~'.", nameof(verifier));
            }
        }

        return new PkceCodes(verifier);
    }

    /// <summary>Computes the S256 challenge of a verifier.</summary>
    /// <param name="verifier">The verifier.</param>
    /// <returns>The challenge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verifier"/> is <see langword="null"/>.</exception>
    public static string ComputeChallenge(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <inheritdoc />
    public override string ToString() => $"PkceCodes {{ Challenge = {Challenge}, Verifier = *** }}";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
