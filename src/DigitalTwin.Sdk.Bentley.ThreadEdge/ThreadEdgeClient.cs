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
/// <remarks>Thread-safe; create one per device and reuse it. Dispose it when created with this constructor (it owns its
/// HTTP handler); clients from DI are owned by the container.</remarks>
public sealed class ThreadEdgeClient : IThreadEdgeClient, IDisposable
{
    /// <summary>Vendor name used in errors, logs and telemetry.</summary>
    internal const string VendorName = "ThreadEdge";

    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client without dependency injection.</summary>
    /// <param name="options">Where the THREAD is and pipeline settings.</param>
    /// <param name="httpClient">Your own <see cref="HttpClient"/> as transport (its handlers run inside the SDK pipeline), or
    /// <see langword="null"/> for the SDK default.</param>
    /// <param name="timeProvider">Clock for retries and timeouts; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (the message lists every problem), e.g. plain
    /// http to a non-loopback host without <see cref="ThreadEdgeOptions.AllowInsecureHttp"/>.</exception>
    public ThreadEdgeClient(ThreadEdgeOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate(ThreadEdgeOptions.SectionName);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var runtime = new ClientRuntime(VendorName, options, timeProvider, loggerFactory);
        _ownedHttpClient = HttpPipeline.CreateClient(runtime, httpClient, authenticate: false);
        runtime.UseHttpClientFactory(() => _ownedHttpClient);
        (Device, Power, Ports, Network) = CreateSubClients(runtime, options);
    }

    /// <summary>Creates a client over a runtime configured by dependency injection.</summary>
    /// <param name="runtime">The runtime (pipeline, options, clock).</param>
    internal ThreadEdgeClient(ClientRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        (Device, Power, Ports, Network) = CreateSubClients(runtime, (ThreadEdgeOptions)runtime.Options);
    }

    /// <inheritdoc />
    public IThreadDeviceClient Device { get; }

    /// <inheritdoc />
    public IThreadPowerClient Power { get; }

    /// <inheritdoc />
    public IThreadPortsClient Ports { get; }

    /// <inheritdoc />
    public IThreadNetworkClient Network { get; }

    /// <summary>Releases the HTTP handler this client created (nothing for DI-created clients).</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();

    private static (IThreadDeviceClient, IThreadPowerClient, IThreadPortsClient, IThreadNetworkClient) CreateSubClients(ClientRuntime runtime, ThreadEdgeOptions options)
    {
        var transport = new EdgeTransport(runtime);
        return (new ThreadDeviceClient(transport, options.HardwareVersion), new ThreadPowerClient(transport), new ThreadPortsClient(transport), new ThreadNetworkClient(transport));
    }
}
