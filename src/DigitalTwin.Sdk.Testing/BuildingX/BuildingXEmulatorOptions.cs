using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Testing.BuildingX;

/// <summary>Settings of a <see cref="BuildingXEmulator"/>.</summary>
/// <remarks>
/// The emulator serves the Building X Operations API under <c>/api/openness/operations</c> and an
/// Auth0-style token endpoint under <c>/oauth/token</c>, both on <see cref="EmulatorBase.BaseUri"/>.
/// </remarks>
public sealed class BuildingXEmulatorOptions : EmulatorOptions
{
    /// <summary>Gets or sets the machine-user client id the token endpoint accepts.</summary>
    /// <value>Defaults to <c>buildingx-emulator-client</c>.</value>
    public string ClientId { get; set; } = "buildingx-emulator-client";

    /// <summary>Gets or sets the machine-user client secret the token endpoint accepts.</summary>
    /// <value>Defaults to <c>buildingx-emulator-secret</c>.</value>
    public string ClientSecret { get; set; } = "buildingx-emulator-secret";

    /// <summary>Gets or sets the <c>audience</c> the token endpoint requires.</summary>
    /// <value>Defaults to <c>https://horizon.siemens.com</c>, the documented audience.</value>
    public string Audience { get; set; } = "https://horizon.siemens.com";

    /// <summary>Gets or sets the lifetime of issued tokens (<c>expires_in</c> and the JWT <c>exp</c> claim).</summary>
    /// <value>Defaults to 24 hours, as the vendor issues them.</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets whether the token response leaves out <c>expires_in</c>, so clients must read the JWT <c>exp</c> claim.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool OmitExpiresIn { get; set; }

    /// <summary>Gets or sets how many requests each client may make per second and API (a token bucket of this size refilled at this rate per second); more are answered 429.</summary>
    /// <value>Defaults to 10, the documented limit. Zero or less disables the limit.</value>
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>Gets or sets whether <c>links</c> are absolute URLs instead of root-relative <c>/operations/...</c> paths.</summary>
    /// <value>Defaults to <see langword="false"/> (relative links, as the service sends them).</value>
    public bool AbsoluteLinks { get; set; }

    /// <summary>Gets or sets whether <c>links.next</c> leaves out the caller's <c>include</c> parameter, a known quirk of the service.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool DropIncludeFromNextLinks { get; set; } = true;

    /// <summary>Gets or sets the page size used when a request has no <c>page[limit]</c>.</summary>
    /// <value>Defaults to 50.</value>
    public int DefaultPageLimit { get; set; } = 50;

    /// <summary>Gets or sets the largest accepted <c>page[limit]</c>; larger values are answered 400.</summary>
    /// <value>Defaults to 500.</value>
    public int MaxPageLimit { get; set; } = 500;

    /// <summary>Gets or sets the clock used for token expiry, the rate limit and point-value timestamps.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
