using DigitalTwin.Sdk.Bentley.ThreadEdge.Internal;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Rest;
using DigitalTwin.Sdk.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Refit;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge;

/// <summary>
/// Client of an iTwin IoT THREAD edge device (vendor doc: "iTwin IoT Edge REST API" and "iTwin IoT Edge WebSocket API").
/// Requests go through the SDK pipeline (telemetry, retries of idempotent calls, timeouts, circuit breaker, optional rate
/// limit); the edge API needs no authentication.
/// </summary>
/// <remarks>
/// <para>The THREAD's local API has no authentication, so this client takes no credential (unlike the cloud vendors'
/// clients); restrict who can reach the device on the network.</para>
/// <para>Thread-safe; create one per device and reuse it (DI registers it as a singleton). Disposing the client closes the
/// port sockets it opened that are still open, and the HTTP pipeline it created; never a caller's
/// <see cref="HttpClient"/>.</para>
/// </remarks>
public sealed class ThreadEdgeClient : IThreadEdgeClient, IDisposable, IAsyncDisposable
{
    /// <summary>Vendor name used in errors, logs and telemetry.</summary>
    internal const string VendorName = "ThreadEdge";

    /// <summary>
    /// Refit settings of the declared endpoints (<see cref="Rest"/>): bodies written by <see cref="EdgeContentSerializer"/>,
    /// and the pipeline's own exceptions (the <see cref="Core.DigitalTwinException"/> family: timeout, open circuit,
    /// connection lost) passed through unchanged; Refit would otherwise wrap each in its <c>ApiRequestException</c>.
    /// </summary>
    private static readonly RefitSettings RefitSettings = new(EdgeContentSerializer.Instance)
    {
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    private readonly ThreadPortsClient _ports;
    private readonly HttpMessageInvoker? _ownedPipeline;
    private readonly ClientRuntime _runtime;
    private int _disposed;

    /// <summary>Creates a client without dependency injection. The THREAD's API has no authentication, so there is no
    /// credential parameter.</summary>
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
            StandaloneClient.Create(ThreadEdgeDefinition.Instance, options ?? throw new ArgumentNullException(nameof(options)), transport, loggerFactory, timeProvider, static _ => null),
            options)
    {
        _ownedPipeline = _runtime.HttpClient;
    }

    /// <summary>Creates a client over a runtime configured by dependency injection.</summary>
    /// <param name="runtime">The runtime (pipeline, options, clock).</param>
    /// <param name="options">The options the runtime was built from.</param>
    internal ThreadEdgeClient(ClientRuntime runtime, ThreadEdgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
        // One HttpClient over the SDK pipeline serves the declared endpoints; relative paths keep a base URL's path
        // (Refit appends "/api/…" to it), so the base address goes without its trailing slash. It holds no handler
        // of its own: the pipeline (ours, or the DI container's) is released by whoever owns it.
        var rest = runtime.CreateRestClient(new Uri(options.BaseUrl!.AbsoluteUri.TrimEnd('/')));
        var responses = new EdgeResponses(runtime);
        Device = new ThreadDeviceClient(RestService.ForGenerated<IDeviceApi>(rest, RefitSettings), responses, options.HardwareVersion);
        Power = new ThreadPowerClient(RestService.ForGenerated<IPowerApi>(rest, RefitSettings), responses);
        _ports = new ThreadPortsClient(RestService.ForGenerated<IPortsApi>(rest, RefitSettings), responses);
        Ports = _ports;
        Network = new ThreadNetworkClient(RestService.ForGenerated<INetworkApi>(rest, RefitSettings), responses);
    }

    /// <inheritdoc />
    public IThreadDeviceClient Device { get; }

    /// <inheritdoc />
    public IThreadPowerClient Power { get; }

    /// <inheritdoc />
    public IThreadPortsClient Ports { get; }

    /// <inheritdoc />
    public IThreadNetworkClient Network { get; }

    /// <summary>Closes the open port sockets this client opened and releases the HTTP pipeline it created.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Closes the open port sockets this client opened (close handshake) and releases the HTTP pipeline it created.</summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _ports.DisposeAsync().ConfigureAwait(false);
        _ownedPipeline?.Dispose();
    }
}
