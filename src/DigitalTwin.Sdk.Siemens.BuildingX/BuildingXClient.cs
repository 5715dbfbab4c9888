using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Accounts;
using DigitalTwin.Sdk.Siemens.BuildingX.Auth;
using DigitalTwin.Sdk.Siemens.BuildingX.Devices;
using DigitalTwin.Sdk.Siemens.BuildingX.Internal;
using DigitalTwin.Sdk.Siemens.BuildingX.Locations;
using DigitalTwin.Sdk.Siemens.BuildingX.Partitions;
using DigitalTwin.Sdk.Siemens.BuildingX.Points;
using DigitalTwin.Sdk.Siemens.BuildingX.Resources;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>
/// Client of the Siemens Building X JSON:API APIs: client-credentials token (cached and refreshed by the core),
/// retries honouring <c>Retry-After</c>, a client-side rate limit shared by every client of the same API,
/// next-link paging that stays on the configured origin, and JSON:API errors as
/// <see cref="Core.DigitalTwinApiException"/> with every error object and the <c>X-Request-Id</c>.
/// </summary>
/// <remarks>
/// Thread-safe; create one per credential and reuse it (or register it with <c>services.AddBuildingX</c>).
/// A client created with the constructor owns its HTTP pipeline; dispose it when done.
/// </remarks>
public sealed class BuildingXClient : IBuildingXClient, IDisposable
{
    /// <summary>The vendor name used in exceptions, logs and telemetry.</summary>
    public const string VendorName = "Siemens Building X";

    private readonly HttpClient[] _owned;

    /// <summary>Creates a client without dependency injection.</summary>
    /// <param name="options">Endpoints and credentials; validated here.</param>
    /// <param name="httpClient">Transport to send through (e.g. one with a custom handler); the SDK's own when <see langword="null"/>.</param>
    /// <param name="timeProvider">Clock for token expiry, back-off and rate limiting; the system clock when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logger factory; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public BuildingXClient(BuildingXOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate(BuildingXOptions.SectionName);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var tokenRuntime = new ClientRuntime(VendorName, options, timeProvider, loggerFactory, useRateLimit: false);
        var tokenHttp = HttpPipeline.CreateClient(tokenRuntime, httpClient, authenticate: false, rateLimit: false);
        tokenRuntime.UseHttpClientFactory(() => tokenHttp);

        var apiRuntime = new ClientRuntime(VendorName, options, timeProvider, loggerFactory);
        apiRuntime.Tokens = new TokenCache(new BuildingXTokenSource(tokenRuntime, options), tokenRuntime.Time);
        var apiHttp = HttpPipeline.CreateClient(apiRuntime, httpClient);
        apiRuntime.UseHttpClientFactory(() => apiHttp);

        _owned = [tokenHttp, apiHttp];
        var connection = new BuildingXConnection(apiRuntime);
        Account = new AccountClient(connection);
        Partitions = new PartitionsClient(connection);
        Locations = new LocationsClient(connection);
        Devices = new DevicesClient(connection);
        Points = new PointsClient(connection);
        Resources = new JsonApiClient(connection);
    }

    /// <summary>Creates a client over a runtime configured by the DI registration.</summary>
    internal BuildingXClient(ClientRuntime runtime)
    {
        _owned = [];
        var connection = new BuildingXConnection(runtime);
        Account = new AccountClient(connection);
        Partitions = new PartitionsClient(connection);
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

    /// <summary>Releases the HTTP pipeline this client created (nothing for DI-created clients).</summary>
    public void Dispose()
    {
        foreach (var client in _owned)
        {
            client.Dispose();
        }
    }
}
