using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.Tandem;

/// <summary>
/// Loopback emulator of the Autodesk Tandem Data API (<c>/tandem/v1/</c>) and the APS Authentication v2 endpoints it
/// needs (<c>/authentication/v2/authorize</c>, <c>token</c>, <c>revoke</c>).
/// </summary>
/// <remarks>
/// <para>
/// Two-legged tokens need HTTP Basic client authentication; three-legged codes carry a PKCE S256 challenge that the code
/// exchange must answer; refresh tokens are single-use and rotate. The data set is the twin of the vendor doc example
/// with its four models, seeded elements, history and sensor streams in the default model.
/// </para>
/// <para>Service limits: stream ingest (<c>webhooks/generic</c>) accepts 1 request per second per model and bodies up to 10 MB.</para>
/// <para>Thread-safe. Start with <see cref="StartAsync"/>; dispose to stop.</para>
/// </remarks>
public sealed partial class TandemEmulator : EmulatorBase
{
    private const string DataRoot = "/tandem/v1";
    private static readonly string[] Regions = ["US", "EMEA", "AUS"];

    private readonly TandemEmulatorOptions _options;
    private readonly TandemSeed _seed;
    private readonly object _dataGate = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastIngest = new(StringComparer.Ordinal);

    private TandemEmulator(TandemEmulatorOptions options)
        : base(options)
    {
        _options = options;
        _seed = TandemSeed.Create(options.Seed, options.SignedLinkBaseUri, Math.Max(0, options.AdditionalElements));
    }

    /// <summary>Gets the client id of the confidential APS application.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>Gets the client secret of the confidential APS application.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>Gets the client id of the public (PKCE, no secret) APS application.</summary>
    public string PublicClientId => _options.PublicClientId;

    /// <summary>Gets the registered callback URL.</summary>
    public Uri RedirectUri => _options.RedirectUri;

    /// <summary>Gets the URN of the seeded twin (the one of the vendor doc example).</summary>
    public string TwinId => TandemSeed.TwinId;

    /// <summary>Gets the response example of <c>GET twins/{twinID}</c> from the vendor documentation, verbatim (the seeded twin).</summary>
    public static string DocumentedTwinJson => TandemSeed.DocTwinJson;

    /// <summary>Gets the URN of a twin that exists but that the caller may not read (answers 403).</summary>
    public string ForbiddenTwinId => TandemSeed.ForbiddenTwinId;

    /// <summary>Gets the URN of the seeded group (account) holding <see cref="TwinId"/>.</summary>
    public string GroupId => TandemSeed.GroupId;

    /// <summary>Gets the URN of the twin's default model (the twin URN with <c>dtt</c> replaced by <c>dtm</c>), which holds the streams.</summary>
    public string DefaultModelId => _seed.DefaultModelId;

    /// <summary>Gets the model URNs linked to the twin, in the order of the doc example.</summary>
    public IReadOnlyList<string> ModelIds => _seed.ModelIds;

    /// <summary>Gets the short element keys (the scan's <c>k</c>) of the seeded streams in <see cref="DefaultModelId"/>; the timeseries API takes <see cref="StreamFullKeys"/>.</summary>
    public IReadOnlyList<string> StreamKeys => _seed.StreamKeys;

    /// <summary>Gets the number of token requests that were answered with a token.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Gets how many stream ingest requests were answered 429 (more than one per second per model).</summary>
    public int IngestRateLimitedCount => Volatile.Read(ref _ingestRateLimited);

    /// <summary>Gets the number of successful <c>refresh_token</c> grants.</summary>
    public int RefreshGrants => Volatile.Read(ref _refreshGrants);

    /// <summary>
    /// Gets the number of <c>refresh_token</c> grants refused with <c>invalid_grant</c>: a refresh token already used
    /// (APS refresh tokens are single-use and rotate on every refresh), revoked, unknown or expired.
    /// </summary>
    public int RefreshGrantsRefused => Volatile.Read(ref _refreshGrantsRefused);

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Settings; <see langword="null"/> for defaults.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<TandemEmulator> StartAsync(TandemEmulatorOptions? options = null, CancellationToken ct = default)
    {
        var emulator = new TandemEmulator(options ?? new TandemEmulatorOptions());
        try
        {
            await emulator.StartCoreAsync(ct).ConfigureAwait(false);
            await emulator.StartDocumentHostAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulator;
    }

    /// <summary>Returns the element keys of a seeded model.</summary>
    /// <param name="modelId">Model URN.</param>
    /// <returns>The keys, in seed order.</returns>
    /// <exception cref="KeyNotFoundException">The model is not seeded.</exception>
    public IReadOnlyList<string> GetElementKeys(string modelId)
    {
        lock (_dataGate)
        {
            return _seed.Elements[modelId].Select(e => e.Key).ToArray();
        }
    }

    /// <summary>Returns the stored readings of one stream property, oldest first.</summary>
    /// <param name="streamKey">Stream element key, short (as in <see cref="StreamKeys"/>) or full (as in <see cref="StreamFullKeys"/>).</param>
    /// <param name="propertyId">Qualified property id, e.g. <c>z:Dg</c>.</param>
    /// <returns>Epoch milliseconds and value pairs; empty when unknown.</returns>
    public IReadOnlyList<KeyValuePair<long, double>> GetReadings(string streamKey, string propertyId)
    {
        lock (_dataGate)
        {
            return _seed.Readings.TryGetValue(ShortKeyOf(streamKey) ?? streamKey, out var props) && props.TryGetValue(propertyId, out var values)
                ? values.ToArray()
                : [];
        }
    }

    /// <inheritdoc/>
    protected override TimeProvider Clock => _options.TimeProvider;

    /// <inheritdoc />
    protected override void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        RecordRawTargets(app);
        StopDocumentHostWith(app);
        MapAuthEndpoints(app);
        MapTwinEndpoints(app);
        MapModelDataEndpoints(app);
        MapStreamEndpoints(app);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonNode node)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(node.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Writes the APS error body (<c>developerMessage</c>, <c>errorCode</c>, <c>moreInfo</c>).</summary>
    private static Task WriteApsErrorAsync(HttpContext context, int status, string errorCode, string message) =>
        WriteJsonAsync(context, status, new JsonObject
        {
            ["developerMessage"] = message,
            ["errorCode"] = errorCode,
            ["moreInfo"] = "https://aps.autodesk.com/en/docs/tandem/v1/developers_guide/",
        });

    /// <summary>Parses the request body as JSON whatever its Content-Type; <see langword="null"/> when it is not JSON.</summary>
    /// <remarks>
    /// Autodesk's own samples (tutorial-rest <c>TandemClient._post</c>) post their JSON bodies without a JSON Content-Type
    /// (fetch labels a string body <c>text/plain</c>), and the service answers them, so the label is not checked.
    /// </remarks>
    private static async Task<JsonNode?> ReadJsonBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
