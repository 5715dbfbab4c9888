using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using Microsoft.Extensions.Logging;
using Refit;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Client of the Siemens Building X JSON:API APIs (Operations at <see cref="Core.Http.DigitalTwinClientOptions.BaseUrl"/>,
/// Accounts at <see cref="BuildingXOptions.AccountsBaseUrl"/>): client-credentials token (cached and refreshed by the core),
/// retries honouring <c>Retry-After</c>, a client-side rate limit shared by every client of the same API,
/// next-link paging that stays on the configured origin, and JSON:API errors as
/// <see cref="Core.DigitalTwinApiException"/> with every error object and the <c>X-Request-Id</c>.
/// </summary>
/// <remarks>
/// Thread-safe; create one per credential and reuse it (DI registers it as a singleton). Disposing a client created
/// with the constructor releases the HTTP pipeline it built; a caller's <see cref="HttpClient"/> and credential stay
/// the caller's. A client resolved from DI is disposed by the container and leaves the factory's handlers alone.
/// </remarks>
public sealed class BuildingXClient : IBuildingXClient, IDisposable
{
    /// <summary>The vendor name used in exceptions, logs and telemetry.</summary>
    public const string VendorName = "Siemens Building X";

    /// <summary>
    /// Refit settings of the declared endpoints (<c>Rest/</c>). The pipeline's own exceptions (the <see cref="Core.DigitalTwinException"/>
    /// family: refused token, timeout, open circuit, connection lost) pass through unchanged; Refit would otherwise wrap
    /// each in its <c>ApiRequestException</c>.
    /// </summary>
    private static readonly RefitSettings RefitSettings = new(new SystemTextJsonContentSerializer(BuildingXJsonContext.Default.Options))
    {
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    private readonly ClientRuntime _runtime;
    private readonly HttpClient[] _restClients;
    private readonly bool _ownsPipeline;
    private int _disposed;

    /// <summary>Initializes a client without DI.</summary>
    /// <param name="options">Endpoints and credentials; validated here.</param>
    /// <param name="credential">
    /// Optional token provider (a host app's vault or identity service); <see langword="null"/> uses the client-credentials
    /// grant configured in <paramref name="options"/> (<see cref="BuildingXOptions.TokenUrl"/>, <see cref="BuildingXOptions.ClientId"/>,
    /// <see cref="BuildingXOptions.ClientSecret"/>, <see cref="BuildingXOptions.Audience"/>).
    /// </param>
    /// <param name="transport">Optional <see cref="HttpClient"/> the SDK pipeline sends through; <see langword="null"/> for the SDK default. The caller keeps owning it.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="timeProvider">Optional clock for token expiry, back-off and rate limiting (tests).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public BuildingXClient(
        BuildingXOptions options,
        ITokenProvider? credential = null,
        HttpClient? transport = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
        : this(
            StandaloneClient.Create(BuildingXDefinition.Instance, options, transport, loggerFactory, timeProvider, tokenRuntime => new BuildingXTokenSource(tokenRuntime, options), credential),
            ownsPipeline: true)
    {
    }

    /// <summary>Creates a client over a runtime configured by the DI registration or <see cref="StandaloneClient"/>.</summary>
    internal BuildingXClient(ClientRuntime runtime, bool ownsPipeline = false)
    {
        _runtime = runtime;
        _ownsPipeline = ownsPipeline;
        var options = (BuildingXOptions)runtime.Options;

        // The token goes to both APIs (BuildingXOptions.GetCredentialOrigins) and nowhere else; each API has its own rate-limit quota.
        var connection = new BuildingXConnection(runtime, options.BaseUrl, BuildingXConnection.OperationsPageSize);
        var accounts = new BuildingXConnection(runtime, options.AccountsBaseUrl, BuildingXConnection.AccountsPageSize);

        // One HttpClient over the SDK pipeline per API serves its declared endpoints; relative paths keep a base URL's
        // path (Refit appends "/partitions/…" to it), so the base address goes without its trailing slash. Without an
        // Accounts base URL its connection refuses every call before sending, so the Operations address stands in.
        var operationsRest = runtime.CreateRestClient(RestBase(options.BaseUrl!));
        var accountsRest = runtime.CreateRestClient(RestBase(options.AccountsBaseUrl ?? options.BaseUrl!));
        _restClients = [operationsRest, accountsRest];
        Account = new AccountClient(accounts, RestService.ForGenerated<IAccountApi>(accountsRest, RefitSettings));
        Partitions = new PartitionsClient(accounts, RestService.ForGenerated<IPartitionsApi>(accountsRest, RefitSettings));
        Locations = new LocationsClient(connection, RestService.ForGenerated<ILocationsApi>(operationsRest, RefitSettings));
        Devices = new DevicesClient(connection, RestService.ForGenerated<IDevicesApi>(operationsRest, RefitSettings));
        Points = new PointsClient(connection, RestService.ForGenerated<IPointsApi>(operationsRest, RefitSettings));
        Resources = new JsonApiClient(connection, RestService.ForGenerated<IResourcesApi>(operationsRest, RefitSettings));
    }

    /// <inheritdoc />
    public IAccountClient Account { get; }

    /// <inheritdoc />
    public IPartitionsClient Partitions { get; }

    /// <inheritdoc />
    public ILocationsClient Locations { get; }

    /// <inheritdoc />
    public IDevicesClient Devices { get; }

    /// <inheritdoc />
    public IPointsClient Points { get; }

    /// <inheritdoc />
    public IJsonApiClient Resources { get; }

    /// <summary>Releases the HTTP pipeline this client built and its REST clients (a client resolved from DI leaves the factory's handlers alone); calling it twice is harmless.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var rest in _restClients)
        {
            rest.Dispose();
        }

        if (_ownsPipeline)
        {
            _runtime.HttpClient.Dispose();
        }
    }

    private static Uri RestBase(Uri baseUrl) => new(baseUrl.AbsoluteUri.TrimEnd('/'));
}
