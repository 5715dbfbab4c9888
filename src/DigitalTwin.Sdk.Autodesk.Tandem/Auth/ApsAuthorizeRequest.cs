using System.Text;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>
/// Builds the URL of <c>GET authentication/v2/authorize</c>, where the user signs in and grants the app access
/// (step one of the three-legged flow). The browser comes back to <see cref="RedirectUri"/> with <c>code</c> and <c>state</c>.
/// </summary>
internal sealed record ApsAuthorizeRequest
{
    /// <summary>The production authorize endpoint.</summary>
    public static readonly Uri DefaultEndpoint = new("https://developer.api.autodesk.com/authentication/v2/authorize");

    /// <summary>Gets the client id of the APS app.</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the callback URL registered for the app.</summary>
    public required Uri RedirectUri { get; init; }

    /// <summary>Gets the requested scopes, e.g. <c>data:read</c>.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the PKCE codes whose challenge is sent; required for public clients.</summary>
    /// <value>Defaults to <see langword="null"/> (no PKCE).</value>
    public PkceCodes? Pkce { get; init; }

    /// <summary>Gets the opaque anti-forgery value echoed back on the callback.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public string? State { get; init; }

    /// <summary>Gets the OpenID Connect nonce bound into the id token.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public string? Nonce { get; init; }

    /// <summary>Gets the prompt, e.g. <c>login</c> to force the sign-in page.</summary>
    /// <value>Defaults to <see langword="null"/> (not sent).</value>
    public string? Prompt { get; init; }

    /// <summary>Builds the URL.</summary>
    /// <param name="endpoint">The authorize endpoint; <see langword="null"/> for <see cref="DefaultEndpoint"/>.</param>
    /// <returns>The URL with every value escaped: <c>response_type=code</c>, <c>client_id</c>, <c>redirect_uri</c>, <c>scope</c> (space-separated), then the optional parameters.</returns>
    /// <exception cref="ArgumentException"><see cref="ClientId"/> is empty, <see cref="Scopes"/> is empty or holds an empty or space-containing scope, or <see cref="RedirectUri"/> is not absolute.</exception>
    public Uri ToUri(Uri? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId);
        ArgumentNullException.ThrowIfNull(RedirectUri);
        ArgumentNullException.ThrowIfNull(Scopes);
        if (!RedirectUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The redirect URI must be absolute.", nameof(RedirectUri));
        }

        if (Scopes.Count == 0 || Scopes.Any(s => string.IsNullOrWhiteSpace(s) || s.Contains(' ', StringComparison.Ordinal)))
        {
            throw new ArgumentException("At least one scope is required and scopes contain no spaces.", nameof(Scopes));
        }

        var builder = new StringBuilder((endpoint ?? DefaultEndpoint).GetLeftPart(UriPartial.Path));
        builder.Append("?response_type=code");
        Append(builder, "client_id", ClientId);
        Append(builder, "redirect_uri", RedirectUri.OriginalString);
        Append(builder, "scope", string.Join(' ', Scopes));
        if (Pkce is not null)
        {
            Append(builder, "code_challenge", Pkce.Challenge);
            Append(builder, "code_challenge_method", PkceCodes.ChallengeMethod);
        }

        Append(builder, "state", State);
        Append(builder, "nonce", Nonce);
        Append(builder, "prompt", Prompt);
        return new Uri(builder.ToString());
    }

    private static void Append(StringBuilder builder, string name, string? value)
    {
        if (value is not null)
        {
            builder.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
