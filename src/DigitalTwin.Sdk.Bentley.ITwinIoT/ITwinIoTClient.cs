using DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// Bentley iTwin IoT client: <see cref="Rest"/> over the shared HTTP pipeline (API key, IMS client-credentials token or
/// your own credential; retries, rate limit, telemetry) and <see cref="Socket"/> over one authenticated JSON-RPC socket.
/// </summary>
/// <remarks>
/// Thread-safe; create one per tenant and share it (or register it with <c>services.AddITwinIoT(...)</c>). Dispose it
/// (preferably with <see cref="DisposeAsync"/>) to close the socket and release the HTTP pipeline it created; a caller's
/// <see cref="HttpClient"/> and credential are never disposed.
/// </remarks>
public sealed class ITwinIoTClient : IITwinIoTClient, IDisposable, IAsyncDisposable
{
    internal const string VendorName = "Bentley iTwin IoT";

    private readonly ITwinIoTSocketClient _socket;
    private readonly IDisposable? _ownedPipeline;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="ITwinIoTClient"/> class without dependency injection.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="credential">
    /// Your own token provider (a vault or identity service) used for REST calls and the socket's <c>authenticate</c>
    /// code, or <see langword="null"/> for the flow the options configure (<see cref="ITwinIoTOptions.ApiKey"/>, else the
    /// IMS client-credentials grant at <see cref="ITwinIoTOptions.TokenUrl"/>).
    /// </param>
    /// <param name="transport">An optional <see cref="HttpClient"/> the SDK pipeline sends through; the caller keeps owning it.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="timeProvider">Optional clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public ITwinIoTClient(ITwinIoTOptions options, ITokenProvider? credential = null, HttpClient? transport = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(
            StandaloneClient.Create(ITwinIoTDefinition.Instance, options, transport, loggerFactory, timeProvider, tokenRuntime => ITwinIoTTokenSource.Create(tokenRuntime, options), credential),
            options,
            ownsPipeline: true)
    {
    }

    internal ITwinIoTClient(ClientRuntime runtime, ITwinIoTOptions options, bool ownsPipeline = false)
    {
        Rest = new ITwinIoTRestClient(runtime, options);
        var tokens = runtime.Tokens ?? throw new InvalidOperationException("iTwin IoT needs a credential.");

        // The socket's authenticate code is the REST credential: the API key, the IMS token or the caller's token.
        var socketOptions = options.ToSocketOptions(async ct => (await tokens.GetTokenAsync(ct).ConfigureAwait(false)).Value);
        _socket = new ITwinIoTSocketClient(socketOptions, runtime.LoggerFactory, runtime.Time);
        _ownedPipeline = ownsPipeline ? runtime.HttpClient : null;
    }

    /// <inheritdoc />
    public IITwinIoTRestClient Rest { get; }

    /// <inheritdoc />
    public IITwinIoTSocketClient Socket => _socket;

    /// <summary>Closes the socket and releases the HTTP pipeline this instance created.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _socket.DisposeAsync().ConfigureAwait(false);
            _ownedPipeline?.Dispose();
        }
    }

    /// <summary>Closes the socket (blocking until it is closed) and releases the HTTP pipeline this instance created; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
