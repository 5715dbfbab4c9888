using DigitalTwin.Sdk.Autodesk.Tandem.Auth;
using DigitalTwin.Sdk.Autodesk.Tandem.Groups;
using DigitalTwin.Sdk.Autodesk.Tandem.Internal;
using DigitalTwin.Sdk.Autodesk.Tandem.ModelData;
using DigitalTwin.Sdk.Autodesk.Tandem.Streams;
using DigitalTwin.Sdk.Autodesk.Tandem.Twins;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Internal;
using Microsoft.Extensions.Logging;

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

    private readonly List<IDisposable> _owned = [];

    /// <summary>Initializes a client without DI.</summary>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="httpClient">Your own transport (its handler is used under the SDK pipeline), or <see langword="null"/> for the SDK default.</param>
    /// <param name="tokenStore">Where three-legged refresh tokens persist; <see langword="null"/> for an in-memory store.</param>
    /// <param name="timeProvider">Clock; <see langword="null"/> for the system clock.</param>
    /// <param name="loggerFactory">Logging; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad setting.</exception>
    public TandemClient(TandemOptions options, HttpClient? httpClient = null, ITandemTokenStore? tokenStore = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate(TandemOptions.SectionName);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Tandem options: " + string.Join(" ", errors), nameof(options));
        }

        var api = new ClientRuntime(VendorName, options, timeProvider, loggerFactory);
        var tokens = new ClientRuntime(VendorName, options, timeProvider, loggerFactory, useRateLimit: false);
        var apiHttp = HttpPipeline.CreateClient(api, httpClient);
        var tokenHttp = HttpPipeline.CreateClient(tokens, httpClient, authenticate: false, rateLimit: false);
        _owned.Add(apiHttp);
        _owned.Add(tokenHttp);
        api.UseHttpClientFactory(() => apiHttp);
        tokens.UseHttpClientFactory(() => tokenHttp);
        var store = tokenStore ?? new InMemoryTandemTokenStore();
        var source = CreateTokenSource(tokens, options, store);
        api.Tokens = new TokenCache(source, api.Time, new TokenCacheOptions { Vendor = api.Vendor });
        Initialize(api, tokens, options, store, source as ThreeLeggedTokenSource);
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

    /// <summary>Creates the token source of the configured flow; shared by the constructor and DI.</summary>
    internal static ITokenSource CreateTokenSource(ClientRuntime tokens, TandemOptions options, ITandemTokenStore store) =>
        options.Flow == TandemAuthFlow.ThreeLegged
            ? new ThreeLeggedTokenSource(tokens, options, store)
            : new TwoLeggedTokenSource(tokens, options);

    private void Initialize(ClientRuntime api, ClientRuntime tokens, TandemOptions options, ITandemTokenStore store, ThreeLeggedTokenSource? threeLegged)
    {
        // The bearer token goes to the API origin and the configured Autodesk origins (document links), never elsewhere.
        api.CredentialOrigins = options.EffectiveCredentialOrigins;
        Auth = new TandemAuthClient(api, tokens, options, store, threeLegged);
        Groups = new TandemGroupsClient(api, options);
        Twins = new TandemTwinsClient(api, options);
        ModelData = new TandemModelDataClient(api, options);
        Streams = new TandemStreamsClient(api, options);
    }
}
