using System.Globalization;

namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>An access token with its lifetime and, where the vendor issues one, a refresh token.</summary>
/// <remarks><see cref="ToString"/> never shows the token values.</remarks>
public sealed class AccessToken
{
    /// <summary>Initializes a new token.</summary>
    /// <param name="value">The token as sent on the wire.</param>
    /// <param name="expiresOn">When the token stops being accepted.</param>
    /// <param name="issuedOn">When the token was issued (start of its lifetime).</param>
    /// <param name="refreshToken">Refresh token, when the vendor issued one.</param>
    /// <param name="scheme">Authorization scheme, e.g. <c>Bearer</c> or <c>ApiKey</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or <paramref name="scheme"/> is empty.</exception>
    public AccessToken(string value, DateTimeOffset expiresOn, DateTimeOffset issuedOn, string? refreshToken = null, string scheme = "Bearer")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        Value = value;
        ExpiresOn = expiresOn;
        IssuedOn = issuedOn;
        RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
        Scheme = scheme;
    }

    /// <summary>Gets the token as sent on the wire.</summary>
    public string Value { get; }

    /// <summary>Gets when the token stops being accepted.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <summary>Gets when the token was issued.</summary>
    public DateTimeOffset IssuedOn { get; }

    /// <summary>Gets the refresh token, if the vendor issued one.</summary>
    public string? RefreshToken { get; }

    /// <summary>Gets the authorization scheme.</summary>
    /// <value>Defaults to <c>Bearer</c>.</value>
    public string Scheme { get; }

    /// <summary>Returns a description without the token values.</summary>
    /// <returns>The scheme and expiry.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme} token (redacted), expires {ExpiresOn:O}{(RefreshToken is null ? string.Empty : ", refreshable")}");
}
