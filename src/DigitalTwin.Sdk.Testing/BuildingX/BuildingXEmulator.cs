using System.Collections.Concurrent;
using DigitalTwin.Sdk.Testing.BuildingX.Internal;
using DigitalTwin.Sdk.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigitalTwin.Sdk.Testing.BuildingX;

/// <summary>
/// Loopback emulator of the Siemens Building X Operations API and Accounts API (JSON:API) and their client-credentials
/// token endpoint.
/// </summary>
/// <remarks>
/// <para>
/// Enforces the vendor's developer guide: bearer tokens from <see cref="TokenUri"/> (checked <c>client_id</c>,
/// <c>client_secret</c>, <c>audience</c>, <c>grant_type</c>; JSON or form body), <c>application/vnd.api+json</c>
/// content negotiation, the <c>filter[...]</c>, <c>page[limit]</c> (Accounts: <c>page[size]</c>), <c>include</c>,
/// <c>fields[Type]</c> and <c>field[Type]</c> parameters, next links relative to the API (<c>/partitions/...</c>,
/// <c>/me/usergroups?...</c>), JSON:API error objects, an <c>X-Request-Id</c> header on every answer of its own and a
/// 10 requests/second limit per client and API (a token bucket: 10 at once, refilled at 10 per second) answered with
/// 429 and <c>Retry-After</c>.
/// </para>
/// <para>
/// It punishes a wrong client as the service does: devices, child devices, points and point values exist only nested
/// under <c>/partitions/{partitionId}/</c> (un-nested paths are 404), point values without
/// <c>filter[timestamp][from]</c> are 400, a bare <c>field=</c> parameter is 400, and Accounts resources (user
/// groups, customers, partitions of a customer) exist only under <see cref="AccountsBaseUri"/>.
/// </para>
/// <para>Faults injected through <see cref="EmulatorBase.Faults"/> are answered before the emulator runs, so they
/// carry only the headers the fault itself declares.</para>
/// <para>Thread-safe. Dispose to stop.</para>
/// </remarks>
public sealed partial class BuildingXEmulator : EmulatorBase
{
    /// <summary>The path of the Operations API below <see cref="EmulatorBase.BaseUri"/>.</summary>
    public const string ApiBasePath = "/api/openness/operations";

    /// <summary>The path of the Accounts API below <see cref="EmulatorBase.BaseUri"/>.</summary>
    public const string AccountsBasePath = "/api/openness/accounts";

    /// <summary>The path of the token endpoint below <see cref="EmulatorBase.BaseUri"/>.</summary>
    public const string TokenPath = "/oauth/token";

    /// <summary>The JSON:API media type.</summary>
    public const string JsonApiMediaType = "application/vnd.api+json";

    private const string ApiRootPath = "/api/openness/";
    private readonly BuildingXEmulatorOptions _options;
    private readonly EmulatedStore _store = new();
    private readonly BuildingXSeeder _seeder;
    private readonly RequestRateLimiter _limiter;
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private int _rateLimited;
    private int _tokensIssued;

    private BuildingXEmulator(BuildingXEmulatorOptions options)
        : base(options)
    {
        _options = options;
        _seeder = new BuildingXSeeder(options.Seed);
        _seeder.Seed(_store, options.ClientId);
        _limiter = new RequestRateLimiter(options.TimeProvider, options.RequestsPerSecond);
    }

    /// <summary>Gets the Operations API base address, e.g. <c>http://127.0.0.1:41234/api/openness/operations</c>.</summary>
    public Uri ApiBaseUri => new(BaseUri, ApiBasePath.TrimStart('/'));

    /// <summary>Gets the Accounts API base address, e.g. <c>http://127.0.0.1:41234/api/openness/accounts</c>.</summary>
    public Uri AccountsBaseUri => new(BaseUri, AccountsBasePath.TrimStart('/'));

    /// <summary>Gets the token endpoint address, e.g. <c>http://127.0.0.1:41234/oauth/token</c>.</summary>
    public Uri TokenUri => new(BaseUri, TokenPath.TrimStart('/'));

    /// <summary>Gets the client id the token endpoint accepts.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>Gets the client secret the token endpoint accepts.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>Gets the audience the token endpoint requires.</summary>
    public string Audience => _options.Audience;

    /// <summary>Gets the id of the first seeded partition, the one used in the vendor guide's examples.</summary>
    public string DocumentedPartitionId => BuildingXSeeder.DocumentedPartitionId;

    /// <summary>Gets the serial number of the first device of the first partition (the guide's filter example).</summary>
    public string DocumentedSerialNumber => BuildingXSeeder.DocumentedSerialNumber;

    /// <summary>Gets the ids of the seeded partitions.</summary>
    public IReadOnlyList<string> PartitionIds => _seeder.PartitionIds;

    /// <summary>Gets the ids of the seeded customers (Accounts API).</summary>
    public IReadOnlyList<string> CustomerIds => _seeder.CustomerIds;

    /// <summary>Gets the ids of the seeded gateway devices; each has child devices under <c>/partitions/{partitionId}/devices/{id}/devices</c>.</summary>
    public IReadOnlyList<string> GatewayDeviceIds => _seeder.GatewayDeviceIds;

    /// <summary>Gets the ids of seeded devices that are neither gateways nor behind one (an empty child-device list).</summary>
    public IReadOnlyList<string> StandaloneDeviceIds => _seeder.StandaloneDeviceIds;

    /// <summary>Gets how many requests were answered 429 by the rate limit.</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimited);

    /// <summary>Gets how many tokens the token endpoint issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <returns>The listening emulator.</returns>
    public static async Task<BuildingXEmulator> StartAsync(BuildingXEmulatorOptions? options = null, CancellationToken ct = default)
    {
        var emulator = new BuildingXEmulator(options ?? new BuildingXEmulatorOptions());
        await emulator.StartCoreAsync(ct).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>Invalidates every issued token, so the next API call with one is answered 401.</summary>
    public void RevokeTokens() => _tokens.Clear();

    /// <inheritdoc/>
    protected override TimeProvider Clock => _options.TimeProvider;

    /// <inheritdoc />
    protected override void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Run(DispatchAsync);
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("D");
        context.Response.Headers["X-Request-Id"] = requestId;
        try
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.Equals(TokenPath, StringComparison.Ordinal))
            {
                await HandleTokenAsync(context).ConfigureAwait(false);
            }
            else if (path.StartsWith(ApiRootPath, StringComparison.Ordinal))
            {
                await HandleApiAsync(context, path[ApiRootPath.Length..]).ConfigureAwait(false);
            }
            else
            {
                throw NotFound("Unknown path");
            }
        }
        catch (EmulatorErrorException error)
        {
            await WriteErrorsAsync(context, requestId, error).ConfigureAwait(false);
        }
    }

    private async Task HandleApiAsync(HttpContext context, string apiPath)
    {
        var slash = apiPath.IndexOf('/', StringComparison.Ordinal);
        var apiName = slash < 0 ? apiPath : apiPath[..slash];
        var relative = slash < 0 ? string.Empty : apiPath[(slash + 1)..].Trim('/');
        if (apiName is not ("operations" or "accounts"))
        {
            throw NotFound("Unknown API");
        }

        relative = relative.Length == 0 ? apiName : apiName + "/" + relative;

        var clientId = Authenticate(context);
        if (!_limiter.TryAcquire(clientId + "|" + apiName, out var retryAfter))
        {
            Interlocked.Increment(ref _rateLimited);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new EmulatorErrorException(new EmulatorError(429, "10-0429", "Too many requests", $"At most {_options.RequestsPerSecond} requests per second and API are allowed."));
        }

        CheckAccept(context.Request);
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            await HandleGetAsync(context, relative).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
        {
            await HandleWriteAsync(context, relative).ConfigureAwait(false);
        }
        else
        {
            context.Response.Headers.Allow = "GET, POST, PATCH, DELETE";
            throw MethodNotAllowed(method);
        }
    }

    private static void CheckAccept(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        if (accept.Length == 0)
        {
            return;
        }

        var ranges = accept.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var jsonApiRanges = ranges.Where(r => r.StartsWith(JsonApiMediaType, StringComparison.OrdinalIgnoreCase)).ToList();
        var acceptsOther = ranges.Any(r => r.StartsWith("*/*", StringComparison.Ordinal)
            || r.StartsWith("application/*", StringComparison.OrdinalIgnoreCase)
            || r.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));

        // JSON:API: 406 when every instance of the JSON:API media type carries parameters other than ext/profile.
        if (jsonApiRanges.Count > 0 && jsonApiRanges.All(HasForbiddenParameters) && !acceptsOther)
        {
            throw new EmulatorErrorException(new EmulatorError(406, "10-0406", "Not acceptable", "The JSON:API media type must be accepted without parameters."));
        }

        if (jsonApiRanges.Count == 0 && !acceptsOther)
        {
            throw new EmulatorErrorException(new EmulatorError(406, "10-0406", "Not acceptable", $"Accept {JsonApiMediaType}."));
        }
    }

    private static bool HasForbiddenParameters(string mediaRange)
    {
        var parameters = mediaRange.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1);
        return parameters.Any(p => !p.StartsWith("ext=", StringComparison.OrdinalIgnoreCase)
            && !p.StartsWith("profile=", StringComparison.OrdinalIgnoreCase)
            && !p.StartsWith("q=", StringComparison.OrdinalIgnoreCase));
    }

    private static EmulatorErrorException NotFound(string title, string? detail = null) =>
        new(new EmulatorError(404, "10-0404", title, detail));

    private static EmulatorErrorException MethodNotAllowed(string method) =>
        new(new EmulatorError(405, "10-0405", "Method not allowed", $"{method} is not supported on this resource."));

    private sealed record IssuedToken(string ClientId, DateTimeOffset ExpiresAt);
}
