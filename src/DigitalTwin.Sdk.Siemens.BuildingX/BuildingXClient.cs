using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Models;
using Microsoft.Extensions.Logging;

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

    private readonly ClientRuntime _runtime;
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
        Account = new AccountClient(accounts);
        Partitions = new PartitionsClient(accounts);
        Locations = new LocationsClient(connection);
        Devices = new DevicesClient(connection);
        Points = new PointsClient(connection);
        Resources = new JsonApiClient(connection);
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

    /// <summary>Releases the HTTP pipeline this client built (nothing for a client resolved from DI); calling it twice is harmless.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsPipeline)
        {
            _runtime.HttpClient.Dispose();
        }
    }
}
