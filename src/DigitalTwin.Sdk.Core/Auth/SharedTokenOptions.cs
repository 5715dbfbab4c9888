namespace DigitalTwin.Sdk.Core.Auth;

/// <summary>Tuning of a <see cref="SharedTokenSource"/>.</summary>
public sealed class SharedTokenOptions
{
    /// <summary>Gets or sets how long a refresh lease holds: longer than a token request can take, short enough that a
    /// crashed holder does not keep the others waiting long.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how often a process that found the lease taken looks for the token the holder stores.</summary>
    /// <value>Defaults to 100 milliseconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the margin before expiry inside which a stored token is not taken (at most a twentieth of
    /// the token's lifetime, as the <see cref="TokenCache"/> reckons it for short-lived tokens).</summary>
    /// <value>Defaults to 10 seconds, as <see cref="TokenCacheOptions.ExpirySkew"/>.</value>
    public TimeSpan ExpirySkew { get; set; } = TimeSpan.FromSeconds(10);
}
