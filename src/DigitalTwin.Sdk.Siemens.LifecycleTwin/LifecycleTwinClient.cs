using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Refit;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Client of the Siemens Lifecycle Twin REST API: password-grant tokens (refreshed with the refresh token),
/// mandatory <c>clientname</c>/<c>projectid</c> headers, header-shaped queries and lazy paging.
/// </summary>
/// <remarks>
/// Thread-safe; create one per tenant and reuse it (DI registers it as a singleton). Fake <see cref="ILifecycleTwinClient"/>
/// and its sub-client interfaces in tests. Disposing the client releases what it created (its HTTP pipeline), never a
/// caller's <see cref="HttpClient"/> or credential.
/// </remarks>
public sealed class LifecycleTwinClient : ILifecycleTwinClient, IDisposable
{
    /// <summary>
    /// Refit settings of the declared endpoints. The pipeline's own exceptions (the <see cref="Core.DigitalTwinException"/>
    /// family: refused token, timeout, open circuit, connection lost) pass through unchanged; Refit would otherwise wrap
    /// each in its <c>ApiRequestException</c>.
    /// </summary>
    private static readonly RefitSettings RefitSettings = new(new SystemTextJsonContentSerializer(LifecycleTwinJsonContext.Default.Options))
    {
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    private readonly List<IDisposable> _owned = [];

    /// <summary>Initializes a client without DI.</summary>
    /// <param name="options">Endpoint and credentials; validated here.</param>
    /// <param name="credential">Optional token provider of the host app (for example a vault); <see langword="null"/> uses the password grant configured in <paramref name="options"/>. The caller keeps owning it.</param>
    /// <param name="transport">Optional <see cref="HttpClient"/> the SDK pipeline sends through (its own handlers stay innermost); <see langword="null"/> for the SDK default. The caller keeps owning it.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="timeProvider">Optional clock (tests).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names each bad setting.</exception>
    public LifecycleTwinClient(
        LifecycleTwinOptions options,
        ITokenProvider? credential = null,
        HttpClient? transport = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        ClientRuntime? tokenRuntime = null;
        var runtime = StandaloneClient.Create(
            LifecycleTwinDefinition.Instance,
            options,
            transport,
            loggerFactory,
            timeProvider,
            created => new LifecycleTwinTokenSource(tokenRuntime = created, options),
            credential);
        _owned.Add(runtime.HttpClient);
        if (tokenRuntime is not null)
        {
            _owned.Add(tokenRuntime.HttpClient);
        }

        (Sites, Assets, Documents, Entities) = CreateSubClients(runtime, options, _owned);
    }

    /// <summary>Initializes a client over a runtime built by DI (the container owns the pipeline).</summary>
    internal LifecycleTwinClient(ClientRuntime runtime, LifecycleTwinOptions options) =>
        (Sites, Assets, Documents, Entities) = CreateSubClients(runtime, options, _owned);

    /// <inheritdoc />
    public ISitesClient Sites { get; }

    /// <inheritdoc />
    public IAssetsClient Assets { get; }

    /// <inheritdoc />
    public IDocumentsClient Documents { get; }

    /// <inheritdoc />
    public IEntitiesClient Entities { get; }

    /// <summary>Releases the HTTP pipeline this client created; later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var owned in _owned)
            {
                owned.Dispose();
            }

            _owned.Clear();
        }
    }

    private static (ISitesClient, IAssetsClient, IDocumentsClient, IEntitiesClient) CreateSubClients(ClientRuntime runtime, LifecycleTwinOptions options, List<IDisposable> owned)
    {
        // One HttpClient over the SDK pipeline serves the declared endpoints; relative paths keep a base URL's path
        // (Refit appends "/api/…" to it), so the base address goes without its trailing slash.
        var rest = runtime.CreateRestClient(new Uri(options.BaseUrl!.AbsoluteUri.TrimEnd('/')));
        owned.Add(rest);
        var reader = new ResourceReader(runtime, options);
        return (
            new SitesClient(reader, RestService.ForGenerated<ISitesApi>(rest, RefitSettings)),
            new AssetsClient(reader, RestService.ForGenerated<IAssetsApi>(rest, RefitSettings)),
            new DocumentsClient(reader, RestService.ForGenerated<IDocumentsApi>(rest, RefitSettings)),
            new EntitiesClient(reader, RestService.ForGenerated<IEntitiesApi>(rest, RefitSettings)));
    }
}
