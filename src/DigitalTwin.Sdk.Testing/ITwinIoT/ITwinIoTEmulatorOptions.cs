using DigitalTwin.Sdk.Testing.Hosting;

namespace DigitalTwin.Sdk.Testing.ITwinIoT;

/// <summary>Settings of the <see cref="ITwinIoTEmulator"/>.</summary>
public sealed class ITwinIoTEmulatorOptions : EmulatorOptions
{
    /// <summary>Gets or sets the API key accepted by <c>authenticate</c> and by <c>Authorization: ApiKey</c>.</summary>
    /// <value>Defaults to <c>A8345HJBWW45939KUIYB</c> (the documentation's example key).</value>
    public string ApiKey { get; set; } = "A8345HJBWW45939KUIYB";

    /// <summary>Gets or sets a JWT accepted by <c>authenticate</c> and by <c>Authorization: Bearer</c> (tokens issued by the emulator's IMS endpoint are accepted too).</summary>
    /// <value>Defaults to a fixed three-part test token.</value>
    public string Jwt { get; set; } = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJlbXVsYXRvciJ9.c2lnbmF0dXJl";

    /// <summary>Gets or sets the client id accepted by the IMS token endpoint (<c>POST /connect/token</c>, client credentials).</summary>
    /// <value>Defaults to <c>service-emulator-client</c>.</value>
    public string ImsClientId { get; set; } = "service-emulator-client";

    /// <summary>Gets or sets the client secret accepted by the IMS token endpoint.</summary>
    /// <value>Defaults to <c>emulator-secret</c>.</value>
    public string ImsClientSecret { get; set; } = "emulator-secret";

    /// <summary>Gets or sets the <c>nextId</c> returned by <c>authenticate</c>; later request ids must start there and increase.</summary>
    /// <value>Defaults to 1.</value>
    public long NextId { get; set; } = 1;

    /// <summary>Gets or sets the organisation's Default Project, used when a request gives no <c>projectIds</c>.</summary>
    /// <value>Defaults to <c>60F8B30928A37A575ECEE061</c>.</value>
    public string DefaultProjectId { get; set; } = "60F8B30928A37A575ECEE061";

    /// <summary>Gets or sets how many observations one <c>getData</c> result frame carries.</summary>
    /// <value>Defaults to 500.</value>
    public int PointsPerFrame { get; set; } = 500;

    /// <summary>Gets or sets how many hourly observations each seeded sensor has.</summary>
    /// <value>Defaults to 1,000.</value>
    public int SeededObservationsPerSensor { get; set; } = 1_000;

    /// <summary>
    /// Gets or sets the largest random delay before answering a request; when positive, requests are answered
    /// concurrently and thus out of order (as a busy server does).
    /// </summary>
    /// <value>Defaults to <see cref="TimeSpan.Zero"/> (answered in order).</value>
    public TimeSpan MaxResponseJitter { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Gets or sets whether each getData/getObservations frame lists its points newest first. The document does not
    /// promise time order within (or across) frames; a client must deliver such points, not drop them.
    /// </summary>
    /// <value>Defaults to <see langword="false"/> (oldest first).</value>
    public bool SendFramesOutOfOrder { get; set; }

    /// <summary>Gets or sets the size of the pieces the TCP endpoint writes a frame in (0 writes each frame at once); small values exercise client framing.</summary>
    /// <value>Defaults to 0.</value>
    public int TcpWriteChunkSize { get; set; }

    /// <summary>
    /// Gets or sets the clock the request log is stamped with and an HTTP <see cref="Faults.Fault.Delay"/> fault waits on
    /// (the observation data and the socket endpoints keep the system clock).
    /// </summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
