namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>Tuning of the <see cref="TokenCache"/>.</summary>
public sealed class TokenCacheOptions
{
    /// <summary>Gets or sets how long before expiry a long-lived token is refreshed.</summary>
    /// <value>Defaults to 5 minutes. Short-lived tokens are refreshed in the last 10% of their lifetime instead.</value>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long after a failed refresh callers without a valid token get that failure at once instead of a new attempt.</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the safety margin before expiry inside which a token is no longer handed out.</summary>
    /// <value>Defaults to 10 seconds (covers clock skew and time on the wire).</value>
    public TimeSpan ExpirySkew { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the vendor name reported as the <c>digitaltwin.vendor</c> tag of token-refresh measurements.</summary>
    /// <value>Defaults to <see langword="null"/> (measurements carry only the <c>outcome</c> tag). The SDK's clients set their vendor name.</value>
    public string? Vendor { get; set; }
}
