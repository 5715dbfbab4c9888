using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <summary>Settings of a <see cref="TandemEmulator"/>: the APS application it accepts, token lifetimes and service limits.</summary>
public sealed class TandemEmulatorOptions : EmulatorOptions
{
    /// <summary>Gets or sets the client id of the confidential APS application (two- and three-legged).</summary>
    /// <value>Defaults to <c>tandem-emulator-client</c>.</value>
    public string ClientId { get; set; } = "tandem-emulator-client";

    /// <summary>Gets or sets the client secret of the confidential APS application.</summary>
    /// <value>Defaults to <c>tandem-emulator-secret</c>.</value>
    public string ClientSecret { get; set; } = "tandem-emulator-secret";

    /// <summary>Gets or sets the client id of a public APS application (desktop, mobile, SPA) that must use PKCE and has no secret.</summary>
    /// <value>Defaults to <c>tandem-emulator-public-client</c>.</value>
    public string PublicClientId { get; set; } = "tandem-emulator-public-client";

    /// <summary>Gets or sets the callback URL registered for both applications.</summary>
    /// <value>Defaults to <c>http://127.0.0.1:8080/callback</c>.</value>
    public Uri RedirectUri { get; set; } = new("http://127.0.0.1:8080/callback");

    /// <summary>Gets or sets the lifetime of access tokens.</summary>
    /// <value>Defaults to 60 minutes (APS: about an hour).</value>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Gets or sets the lifetime of refresh tokens.</summary>
    /// <value>Defaults to 15 days (APS).</value>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(15);

    /// <summary>Gets or sets the lifetime of authorization codes.</summary>
    /// <value>Defaults to 5 minutes.</value>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the shortest time between two stream-ingest requests to one model.</summary>
    /// <value>Defaults to 1 second (Tandem: 1 request per second).</value>
    public TimeSpan StreamIngestInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the largest accepted stream-ingest body in bytes.</summary>
    /// <value>Defaults to 10 MB (10 × 1024 × 1024 bytes).</value>
    public long MaxIngestBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Gets or sets how many plain elements are seeded in every model but the default one, beyond the four usual ones.</summary>
    /// <value>Defaults to 0. Raise it to serve large scan answers.</value>
    public int AdditionalElements { get; set; }

    /// <summary>Gets or sets the base the documents' <c>signedLink</c> URLs point to; <see langword="null"/> for the emulator's own document host (<see cref="TandemEmulator.DocumentOrigin"/>).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    /// <remarks>The document host is a second loopback origin, as the real service serves links from <c>https://tandem.autodesk.com</c>; set this only to point links somewhere else.</remarks>
    public Uri? SignedLinkBaseUri { get; set; }

    /// <summary>Gets or sets the clock used for token expiry and the ingest rate limit.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
