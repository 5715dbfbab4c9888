using System.Text.Encodings.Web;
using System.Text.Json;
using DigitalTwin.Sdk.Testing.Hosting;
using DigitalTwin.Sdk.Testing.LifecycleTwin.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.LifecycleTwin;

/// <summary>
/// A loopback emulator of the Siemens Lifecycle Twin API: <c>POST /api/token</c> (password and refresh-token grants) and
/// <c>GET /api/{clientprojects|assets|documents|locations|systems}[/{id}]</c> with the <c>select</c>, <c>filter</c>,
/// <c>sort</c> and <c>pagination</c> headers, over a deterministic seeded data set.
/// </summary>
/// <remarks>
/// <para>
/// Enforces the documented rules: <c>authorization</c> (<c>Bearer &lt;token&gt;</c> or the bare token) and <c>clientname</c>
/// on every API request, <c>projectid</c> on site-scoped resources; errors are <c>{"Message": "..."}</c> with 400, 401 or 404,
/// token errors <c>{"error": "...", "error_description": "..."}</c> with 400.
/// </para>
/// <para>
/// Query semantics: an unknown field in <c>select</c>, <c>filter</c> or <c>sort</c> is a 400; filter clauses are
/// case-insensitive and ANDed; string equality and text clauses ignore case; sort orders strings ignoring case, nulls first,
/// and breaks ties by seed order; without a <c>pagination</c> header every match is returned.
/// Filter and sort results are cached per query, so paging through 100,000 assets stays fast.
/// </para>
/// <para>
/// A resource request is checked in this order, the first failure answering: method (405), <c>authorization</c> (401),
/// <c>clientname</c> (400 missing, 401 unknown), <c>projectid</c> for site-scoped resources (400 missing, 404 unknown site),
/// then <c>select</c> (400 when missing on <c>clientprojects</c>, <c>assets</c>, <c>locations</c> and <c>systems</c>,
/// list and get-by-id alike; optional on <c>documents</c>, as the vendor's "Find document" page says), <c>filter</c>,
/// <c>sort</c>, <c>pagination</c> (400). Get-by-id ignores filter, sort and pagination.
/// Faults registered on <see cref="EmulatorBase.Faults"/> apply before any of these checks.
/// </para>
/// <para>Start with <see cref="StartAsync"/>; dispose to stop. Thread-safe.</para>
/// </remarks>
public sealed partial class LifecycleTwinEmulator : EmulatorBase
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IReadOnlyList<SiteData> _sites;
    private readonly Dictionary<string, SiteData> _sitesById;
    private readonly Dictionary<string, ResourceSet> _resources;
    private readonly TokenStore _tokens;
    private readonly QueryCache _queries = new();
    private readonly TimeProvider _time;

    private LifecycleTwinEmulator(LifecycleTwinEmulatorOptions options)
        : base(options)
    {
        _time = options.TimeProvider;
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        Username = options.Username;
        Password = options.Password;
        ClientName = options.ClientName;
        _tokens = new TokenStore(options.TimeProvider, options.TokenLifetime, options.RotateRefreshTokens);
        _sites = SeedGenerator.Generate(options);
        _sitesById = _sites.ToDictionary(s => s.Site.Id, StringComparer.OrdinalIgnoreCase);
        UserSid = new Guid((uint)options.Seed, 0, 0, 0x1c, 0xeb, 0x73, 0x31, 0xea, 0xf7, 0, 0).ToString();
        Sites = _sites.Select(s => s.Site).ToArray();
        var allSites = Sites.Cast<object>().ToArray();
        _resources = new ResourceSet[]
        {
            // select: the quick start lists it among the required headers of every read; the only resource page that
            // calls it optional is "Find document" (documents). See docs/wire-conformance.md.
            new("clientprojects", "Site", Schemas.Site, false, _ => allSites, SelectRequired: true),
            new("assets", "Asset", Schemas.Asset, true, s => s!.Assets, SelectRequired: true),
            new("documents", "Document", Schemas.Document, true, s => s!.Documents, SelectRequired: false),
            new("locations", "Location", Schemas.Location, true, s => s!.Locations, SelectRequired: true),
            new("systems", "System", Schemas.System, true, s => s!.Systems, SelectRequired: true),
        }.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

        // Clients walking all pages sort by Id (the documentation requires a stable sort): have that order ready.
        var byId = SortParser.Parse("{\"Id\": \"ascending\"}", Schemas.Asset);
        var assets = _sites[0].Assets;
        _ = Task.Run(() => _queries.Run(QueryCache.Key("assets", _sites[0].Site.Id, null, byId), assets, null, byId));
    }

    /// <summary>Gets the <c>client_id</c> the token endpoint accepts.</summary>
    public string ClientId { get; }

    /// <summary>Gets the <c>client_secret</c> the token endpoint accepts.</summary>
    public string ClientSecret { get; }

    /// <summary>Gets the <c>username</c> the password grant accepts.</summary>
    public string Username { get; }

    /// <summary>Gets the <c>password</c> the password grant accepts.</summary>
    public string Password { get; }

    /// <summary>Gets the <c>clientname</c> header value every API request must carry.</summary>
    public string ClientName { get; }

    /// <summary>Gets the <c>user_sid</c> returned with every token.</summary>
    public string UserSid { get; }

    /// <summary>Gets the id of the site holding <see cref="LifecycleTwinEmulatorOptions.AssetCount"/> assets (<c>Building1</c>); the <c>projectid</c> header to send.</summary>
    public string ProjectId => _sites[0].Site.Id;

    /// <summary>Gets the seeded sites, in seed order (<c>/api/clientprojects</c>).</summary>
    public IReadOnlyList<EmulatedSite> Sites { get; }

    /// <summary>Gets the assets of the <see cref="ProjectId"/> site, in seed order (asset <c>n</c> is at index <c>n - 1</c>).</summary>
    public IReadOnlyList<EmulatedAsset> Assets => _sites[0].Assets;

    /// <summary>Gets the documents of the <see cref="ProjectId"/> site, in seed order.</summary>
    public IReadOnlyList<EmulatedDocument> Documents => _sites[0].Documents;

    /// <summary>Gets the locations of the <see cref="ProjectId"/> site, in seed order.</summary>
    public IReadOnlyList<EmulatedLocation> Locations => _sites[0].Locations;

    /// <summary>Gets the systems of the <see cref="ProjectId"/> site, in seed order.</summary>
    public IReadOnlyList<EmulatedSystem> Systems => _sites[0].Systems;

    /// <summary>Gets the number of tokens issued by both grants.</summary>
    public int TokensIssued => _tokens.PasswordGrants + _tokens.RefreshGrants;

    /// <summary>Gets the number of tokens issued by the <c>password</c> grant.</summary>
    public int PasswordGrantsIssued => _tokens.PasswordGrants;

    /// <summary>Gets the number of tokens issued by the <c>refresh_token</c> grant.</summary>
    public int RefreshGrantsIssued => _tokens.RefreshGrants;

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="ArgumentException">A credential in <paramref name="options"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or <see cref="LifecycleTwinEmulatorOptions.TokenLifetime"/> is out of range.</exception>
    public static async Task<LifecycleTwinEmulator> StartAsync(
        LifecycleTwinEmulatorOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LifecycleTwinEmulatorOptions();
        Validate(options);
        var emulator = new LifecycleTwinEmulator(options);
        try
        {
            await emulator.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulator;
    }

    /// <summary>Gets the assets of a site, in seed order.</summary>
    /// <param name="projectId">Site id.</param>
    /// <returns>The assets.</returns>
    /// <exception cref="ArgumentException">No site has the id.</exception>
    public IReadOnlyList<EmulatedAsset> GetAssets(string projectId) => FindSite(projectId).Assets;

    /// <summary>Gets the documents of a site, in seed order.</summary>
    /// <param name="projectId">Site id.</param>
    /// <returns>The documents.</returns>
    /// <exception cref="ArgumentException">No site has the id.</exception>
    public IReadOnlyList<EmulatedDocument> GetDocuments(string projectId) => FindSite(projectId).Documents;

    /// <summary>Gets the locations of a site, in seed order.</summary>
    /// <param name="projectId">Site id.</param>
    /// <returns>The locations.</returns>
    /// <exception cref="ArgumentException">No site has the id.</exception>
    public IReadOnlyList<EmulatedLocation> GetLocations(string projectId) => FindSite(projectId).Locations;

    /// <summary>Gets the systems of a site, in seed order.</summary>
    /// <param name="projectId">Site id.</param>
    /// <returns>The systems.</returns>
    /// <exception cref="ArgumentException">No site has the id.</exception>
    public IReadOnlyList<EmulatedSystem> GetSystems(string projectId) => FindSite(projectId).Systems;

    /// <summary>Revokes every access and refresh token issued so far (server-side): the next API call with one answers 401.</summary>
    public void RevokeAllTokens() => _tokens.RevokeAll();

    /// <summary>Expires every access token issued so far; their refresh tokens stay valid.</summary>
    public void ExpireAccessTokens() => _tokens.ExpireAccessTokens();

    /// <inheritdoc/>
    protected override TimeProvider Clock => _time;

    /// <inheritdoc />
    protected override void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Run(DispatchAsync);
    }

    private static void Validate(LifecycleTwinEmulatorOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.ClientId, "options.ClientId");
        ArgumentException.ThrowIfNullOrEmpty(options.ClientSecret, "options.ClientSecret");
        ArgumentException.ThrowIfNullOrEmpty(options.Username, "options.Username");
        ArgumentException.ThrowIfNullOrEmpty(options.Password, "options.Password");
        ArgumentException.ThrowIfNullOrEmpty(options.ClientName, "options.ClientName");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SiteCount, 1, "options.SiteCount");
        ArgumentOutOfRangeException.ThrowIfNegative(options.AssetCount, "options.AssetCount");
        ArgumentOutOfRangeException.ThrowIfNegative(options.DocumentCount, "options.DocumentCount");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TokenLifetime, TimeSpan.FromSeconds(1), "options.TokenLifetime");
    }

    private SiteData FindSite(string projectId) =>
        _sitesById.GetValueOrDefault(projectId) ?? throw new ArgumentException($"No seeded site has id '{projectId}'.", nameof(projectId));

    private Task DispatchAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").Trim('/');
        var segments = path.Split('/');
        if (segments.Length >= 2 && string.Equals(segments[0], "api", StringComparison.OrdinalIgnoreCase))
        {
            if (segments.Length == 2 && string.Equals(segments[1], "token", StringComparison.OrdinalIgnoreCase))
            {
                return HandleTokenAsync(context);
            }

            if (segments.Length <= 3 && _resources.TryGetValue(segments[1], out var resource))
            {
                return HandleResourceAsync(context, resource, segments.Length == 3 ? segments[2] : null);
            }
        }

        return WriteMessageAsync(context, StatusCodes.Status404NotFound, $"No HTTP resource was found that matches the request URI '/{path}'.");
    }

    private static Task WriteMessageAsync(HttpContext context, int statusCode, string message) =>
        WriteJsonAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("Message", message);
            writer.WriteEndObject();
        });

    private static async Task WriteJsonAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
        write(writer);
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
