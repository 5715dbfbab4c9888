using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>Settings of a <see cref="LifecycleTwinEmulator"/>: accepted credentials, data set size and token behaviour.</summary>
public sealed class LifecycleTwinEmulatorOptions : EmulatorOptions
{
    /// <summary>Gets or sets the <c>client_id</c> the token endpoint accepts.</summary>
    /// <value>Defaults to <c>emulator-client</c>.</value>
    public string ClientId { get; set; } = "emulator-client";

    /// <summary>Gets or sets the <c>client_secret</c> the token endpoint accepts.</summary>
    /// <value>Defaults to <c>emulator-secret</c>.</value>
    public string ClientSecret { get; set; } = "emulator-secret";

    /// <summary>Gets or sets the <c>username</c> the password grant accepts.</summary>
    /// <value>Defaults to <c>emulator-user</c>.</value>
    public string Username { get; set; } = "emulator-user";

    /// <summary>Gets or sets the <c>password</c> the password grant accepts.</summary>
    /// <value>Defaults to <c>emulator-password</c>.</value>
    public string Password { get; set; } = "emulator-password";

    /// <summary>Gets or sets the value of the <c>clientname</c> header every API request must carry.</summary>
    /// <value>Defaults to <c>EmulatorClient</c>.</value>
    public string ClientName { get; set; } = "EmulatorClient";

    /// <summary>Gets or sets the number of seeded sites (at least 1).</summary>
    /// <value>Defaults to 5. The first two are the documentation's <c>Building1</c> (Zug) and <c>Building2</c> (Zurich).</value>
    public int SiteCount { get; set; } = 5;

    /// <summary>Gets or sets the number of assets of the first site (<see cref="LifecycleTwinEmulator.ProjectId"/>); up to 100,000 or more.</summary>
    /// <value>Defaults to 250. Every other site holds 5 assets.</value>
    public int AssetCount { get; set; } = 250;

    /// <summary>Gets or sets the number of documents of the first site; every site also has one root folder holding them.</summary>
    /// <value>Defaults to 25. Every other site holds 2 documents.</value>
    public int DocumentCount { get; set; } = 25;

    /// <summary>Gets or sets the lifetime of issued access tokens (the <c>expires_in</c> of the token response, in whole seconds).</summary>
    /// <value>Defaults to 604,799 seconds, as the vendor documentation shows.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(604_799);

    /// <summary>Gets or sets a value indicating whether a refresh token is single-use (the refresh grant returns a new one).</summary>
    /// <value>Defaults to <see langword="true"/>. When <see langword="false"/>, the refresh grant returns the same, still valid, refresh token.</value>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>Gets or sets the clock that judges access token expiry.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>; tests pass a <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing).</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
