using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.Rest;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Refit;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>
/// Client of the Autodesk Tandem Data API (<c>https://developer.api.autodesk.com/tandem/v1/</c>) over APS OAuth, on the
/// shared pipeline: token cache with single-flight refresh, retries with backoff (500s included), rate limits, typed errors
/// (<see cref="DigitalTwin.Sdk.Core.DigitalTwinPermissionException"/> for 403, <see cref="DigitalTwin.Sdk.Core.DigitalTwinNotFoundException"/> for 404).
/// </summary>
/// <remarks>Thread-safe; create one per configuration and reuse it (or register with <c>services.AddTandem()</c>).</remarks>
public sealed class TandemClient : ITandemClient, IDisposable
{
    /// <summary>The vendor name used in messages and telemetry.</summary>
    public const string VendorName = "Autodesk Tandem";

    /// <summary>
    /// Refit settings of the declared endpoints (<c>Rest/</c>). The pipeline's own exceptions (the
    /// <see cref="Core.DigitalTwinException"/> family: refused token, timeout, open circuit, connection lost) pass through
    /// unchanged; Refit would otherwise wrap each in its <c>ApiRequestException</c>.
    /// </summary>
    private static readonly RefitSettings RefitSettings = new(new SystemTextJsonContentSerializer(TandemJsonContext.Default.Options))
    {
        TransportExceptionFactory = static (_, exception, _) => exception,
    };

    private readonly List<IDisposable> _owned = [];

    /// <summary>Initializes a client without DI.</summary>
    /// <param name="options">Settings; validated here. Three-legged refresh tokens go to the store set with <see cref="TandemOptions.UseTokenStore"/> (in memory without one).</param>
    /// <param name="credential">
    /// Your own source of access tokens (a vault, the host app's identity service); it replaces both APS grant flows
    /// configured in <paramref name="options"/>, so sign-in through <see cref="ITandemClient.Auth"/> is unavailable.
    /// <see langword="null"/> for the flow of <see cref="TandemOptions.Flow"/>. The client does not dispose it.
    /// </param>
    /// <param name="transport">Your own transport (its handler is used under the SDK pipeline), or <see langword="null"/> for the SDK default. The client does not dispose it.</param>
    /// <param name="loggerFactory">Logging; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">Clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public TandemClient(TandemOptions options, ITokenProvider? credential = null, HttpClient? transport = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate(TandemOptions.SectionName);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Tandem options: " + string.Join(" ", errors), nameof(options));
        }

        // The token runtime serves the grant flows and the explicit sign-in calls (TandemAuthClient), so it exists
        // even when the host app's credential replaces the APS grant flows.
        var tokens = StandaloneClient.CreateTokenRuntime(TandemDefinition.Instance, options, transport, loggerFactory, timeProvider);
        _owned.Add(tokens.HttpClient);
        var store = options.GetTokenStore() ?? new InMemoryTandemTokenStore();
        ThreeLeggedTokenSource? threeLegged = null;
        var provider = credential;
        if (provider is null)
        {
            (var source, threeLegged) = CreateTokenSource(tokens, options, store);
            provider = new TokenCache(source, tokens.Time, new TokenCacheOptions { Vendor = VendorName });
        }

        var api = StandaloneClient.CreateApiRuntime(TandemDefinition.Instance, options, transport, loggerFactory, timeProvider, provider);
        _owned.Add(api.HttpClient);
        Initialize(api, tokens, options, store, threeLegged);
    }

    /// <summary>Initializes a client over runtimes built by DI.</summary>
    internal TandemClient(ClientRuntime api, ClientRuntime tokens, TandemOptions options, ITandemTokenStore tokenStore, ThreeLeggedTokenSource? threeLegged) =>
        Initialize(api, tokens, options, tokenStore, threeLegged);

    /// <inheritdoc />
    public ITandemAuthClient Auth { get; private set; } = null!;

    /// <inheritdoc />
    public ITandemGroupsClient Groups { get; private set; } = null!;

    /// <inheritdoc />
    public ITandemTwinsClient Twins { get; private set; } = null!;

    /// <inheritdoc />
    public ITandemModelDataClient ModelData { get; private set; } = null!;

    /// <inheritdoc />
    public ITandemStreamsClient Streams { get; private set; } = null!;

    /// <summary>Disposes the HTTP clients this instance created (none when built by DI).</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    /// <summary>
    /// Creates the token source of the configured flow; shared by the constructor and DI. A three-legged session named by
    /// <see cref="TandemOptions.SessionId"/> is shared through <paramref name="sharedStore"/> when there is one.
    /// </summary>
    /// <returns>The source the token cache calls, and the three-legged source the sign-in hands tokens to.</returns>
    internal static (ITokenSource Source, ThreeLeggedTokenSource? ThreeLegged) CreateTokenSource(
        ClientRuntime tokens, TandemOptions options, ITandemTokenStore store, ISharedTokenStore? sharedStore = null, SharedTokenOptions? sharedOptions = null)
    {
        if (options.Flow != TandemAuthFlow.ThreeLegged)
        {
            return (new TwoLeggedTokenSource(tokens, options), null);
        }

        var threeLegged = new ThreeLeggedTokenSource(tokens, options, store);
        return sharedStore is not null && sharedStore.SharesVendor(TandemDefinition.Instance.Key) && options.GetSharedSessionIdentity() is { } identity
            ? (threeLegged.Share(sharedStore, SharedTokenSource.KeyFor(TandemDefinition.Instance.Key, identity), sharedOptions), threeLegged)
            : (threeLegged, threeLegged);
    }

    private void Initialize(ClientRuntime api, ClientRuntime tokens, TandemOptions options, ITandemTokenStore store, ThreeLeggedTokenSource? threeLegged)
    {
        // One HttpClient over the API pipeline serves the declared endpoints; relative paths keep the base URL's path
        // (Refit appends "/twins/…" to "/tandem/v1"), so the base address goes without its trailing slash. Under DI it is
        // the factory's client itself, which the container owns.
        var rest = api.CreateRestClient(new Uri(options.BaseUrl!.AbsoluteUri.TrimEnd('/')));
        if (!ReferenceEquals(rest, api.HttpClient))
        {
            _owned.Add(rest);
        }

        Auth = new TandemAuthClient(api, tokens, options, store, threeLegged);
        Groups = new TandemGroupsClient(api, options, RestService.ForGenerated<IGroupsApi>(rest, RefitSettings));
        Twins = new TandemTwinsClient(api, options, RestService.ForGenerated<ITwinsApi>(rest, RefitSettings));
        ModelData = new TandemModelDataClient(api, options, RestService.ForGenerated<IModelDataApi>(rest, RefitSettings));
        Streams = new TandemStreamsClient(api, options, RestService.ForGenerated<ITimeseriesApi>(rest, RefitSettings));
    }
}
