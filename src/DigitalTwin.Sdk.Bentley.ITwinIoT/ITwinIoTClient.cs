using DigitalTwin.Sdk.Bentley.ITwinIoT.Auth;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Rest;
using DigitalTwin.Sdk.Core.Internal;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// Bentley iTwin IoT client: <see cref="Rest"/> over the shared HTTP pipeline (API key or IMS client-credentials token,
/// retries, rate limit, telemetry) and <see cref="Socket"/> over one authenticated JSON-RPC WebSocket.
/// </summary>
/// <remarks>Thread-safe; create one per tenant and share it (or register it with <c>services.AddITwinIoT(...)</c>). Dispose to close the socket.</remarks>
public class ITwinIoTClient : IITwinIoTClient
{
    internal const string VendorName = "Bentley iTwin IoT";

    /// <summary>Initializes a new instance of the <see cref="ITwinIoTClient"/> class without dependency injection.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="transport">An optional <see cref="HttpClient"/> whose handler is used as the innermost HTTP transport.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="timeProvider">Optional clock.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ITwinIoTClient(ITwinIoTOptions options, HttpClient? transport = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(
            StandaloneClient.Create(VendorName, ITwinIoTOptions.SectionName, options, transport, loggerFactory, timeProvider, tokenRuntime => new ITwinIoTTokenSource(tokenRuntime, options)),
            options)
    {
    }

    internal ITwinIoTClient(ClientRuntime runtime, ITwinIoTOptions options)
    {
        Rest = new ITwinIoTRestClient(runtime, options);
        var tokens = runtime.Tokens;
        var socketOptions = options.ToSocketOptions(tokens is null ? null : async ct => (await tokens.GetTokenAsync(ct).ConfigureAwait(false)).Value);
        socketOptions.TimeProvider = runtime.Time;
        socketOptions.Logger = runtime.Logger;
        Socket = new ITwinIoTSocketClient(socketOptions);
    }

    /// <summary>Initializes a new instance of the <see cref="ITwinIoTClient"/> class for mocking.</summary>
    protected ITwinIoTClient()
    {
        Rest = null!;
        Socket = null!;
    }

    /// <inheritdoc />
    public virtual IITwinIoTRestClient Rest { get; }

    /// <inheritdoc />
    public virtual IITwinIoTSocketClient Socket { get; }

    /// <summary>Closes the socket.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the socket; override to release more.</summary>
    /// <returns>A task that completes when closed.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (Socket is not null)
        {
            await Socket.DisposeAsync().ConfigureAwait(false);
        }
    }
}
