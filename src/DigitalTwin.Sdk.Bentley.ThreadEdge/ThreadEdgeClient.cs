using DigitalTwin.Sdk.Bentley.ThreadEdge.Device;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Network;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Ports;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Power;
using DigitalTwin.Sdk.Core.Internal;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>
/// Client of an iTwin IoT THREAD edge device (vendor doc: "iTwin IoT Edge REST API" and "iTwin IoT Edge WebSocket API").
/// Requests go through the SDK pipeline (telemetry, retries of idempotent calls, timeouts, circuit breaker, optional rate
/// limit); the edge API needs no authentication.
/// </summary>
/// <remarks>Thread-safe; create one per device and reuse it (DI registers it as a singleton).</remarks>
public class ThreadEdgeClient : IThreadEdgeClient
{
    /// <summary>Vendor name used in errors, logs and telemetry.</summary>
    internal const string VendorName = "ThreadEdge";

    /// <summary>Creates a client without dependency injection.</summary>
    /// <param name="options">Where the THREAD is and pipeline settings; validated here.</param>
    /// <param name="transport">Your own <see cref="HttpClient"/> the SDK pipeline sends through (its handlers stay innermost), or
    /// <see langword="null"/> for the SDK default.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">Clock for retries and timeouts; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (the message names every bad setting), e.g. plain
    /// http to a non-loopback host without <see cref="ThreadEdgeOptions.AllowInsecureHttp"/>.</exception>
    public ThreadEdgeClient(ThreadEdgeOptions options, HttpClient? transport = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(
            StandaloneClient.Create(VendorName, ThreadEdgeOptions.SectionName, options ?? throw new ArgumentNullException(nameof(options)), transport, loggerFactory, timeProvider, static _ => null),
            options)
    {
    }

    /// <summary>Creates a client over a runtime configured by dependency injection.</summary>
    /// <param name="runtime">The runtime (pipeline, options, clock).</param>
    /// <param name="options">The options the runtime was built from.</param>
    internal ThreadEdgeClient(ClientRuntime runtime, ThreadEdgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var transport = new EdgeTransport(runtime);
        Device = new ThreadDeviceClient(transport, options.HardwareVersion);
        Power = new ThreadPowerClient(transport);
        Ports = new ThreadPortsClient(transport);
        Network = new ThreadNetworkClient(transport);
    }

    /// <summary>Initializes an instance for mocking.</summary>
    protected ThreadEdgeClient()
    {
        Device = null!;
        Power = null!;
        Ports = null!;
        Network = null!;
    }

    /// <inheritdoc />
    public virtual IThreadDeviceClient Device { get; }

    /// <inheritdoc />
    public virtual IThreadPowerClient Power { get; }

    /// <inheritdoc />
    public virtual IThreadPortsClient Ports { get; }

    /// <inheritdoc />
    public virtual IThreadNetworkClient Network { get; }
}
