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
/// Client of the Siemens Building X JSON:API APIs (Operations at <see cref="Core.Http.DigitalTwinClientOptions.BaseUrl"/>,
/// Accounts at <see cref="BuildingXOptions.AccountsBaseUrl"/>): client-credentials token (cached and refreshed by the core),
/// retries honouring <c>Retry-After</c>, a client-side rate limit shared by every client of the same API,
/// next-link paging that stays on the configured origin, and JSON:API errors as
/// <see cref="Core.DigitalTwinApiException"/> with every error object and the <c>X-Request-Id</c>.
/// </summary>
/// <remarks>Thread-safe; create one per credential and reuse it (DI registers it as a singleton).</remarks>
public class BuildingXClient : IBuildingXClient
{
    /// <summary>The vendor name used in exceptions, logs and telemetry.</summary>
    public const string VendorName = "Siemens Building X";

    /// <summary>Initializes a client without DI.</summary>
    /// <param name="options">Endpoints and credentials; validated here.</param>
    /// <param name="transport">Optional <see cref="HttpClient"/> the SDK pipeline sends through; <see langword="null"/> for the SDK default.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="timeProvider">Optional clock for token expiry, back-off and rate limiting (tests).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public BuildingXClient(BuildingXOptions options, HttpClient? transport = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(StandaloneClient.Create(VendorName, BuildingXOptions.SectionName, options, transport, loggerFactory, timeProvider, tokenRuntime => new BuildingXTokenSource(tokenRuntime, options)))
    {
    }

    /// <summary>Creates a client over a runtime configured by the DI registration or <see cref="StandaloneClient"/>.</summary>
    internal BuildingXClient(ClientRuntime runtime)
    {
        var options = (BuildingXOptions)runtime.Options;

        // The token goes to both APIs (and nowhere else); each API has its own rate-limit quota.
        runtime.CredentialOrigins = new[] { options.BaseUrl, options.AccountsBaseUrl }
            .OfType<Uri>()
            .Select(u => u.GetLeftPart(UriPartial.Authority))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var connection = new BuildingXConnection(runtime, options.BaseUrl, BuildingXConnection.OperationsPageSize);
        var accounts = new BuildingXConnection(runtime, options.AccountsBaseUrl, BuildingXConnection.AccountsPageSize);
        Account = new AccountClient(accounts);
        Partitions = new PartitionsClient(accounts);
        Locations = new LocationsClient(connection);
        Devices = new DevicesClient(connection);
        Points = new PointsClient(connection);
        Resources = new JsonApiClient(connection);
    }

    /// <summary>Initializes an instance for mocking.</summary>
    protected BuildingXClient()
    {
        Account = null!;
        Partitions = null!;
        Locations = null!;
        Devices = null!;
        Points = null!;
        Resources = null!;
    }

    /// <inheritdoc />
    public virtual IAccountClient Account { get; }

    /// <inheritdoc />
    public virtual IPartitionsClient Partitions { get; }

    /// <inheritdoc />
    public virtual ILocationsClient Locations { get; }

    /// <inheritdoc />
    public virtual IDevicesClient Devices { get; }

    /// <inheritdoc />
    public virtual IPointsClient Points { get; }

    /// <inheritdoc />
    public virtual IJsonApiClient Resources { get; }
}
