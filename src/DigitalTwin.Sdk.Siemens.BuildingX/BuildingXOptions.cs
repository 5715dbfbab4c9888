using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Siemens.BuildingX;

/// <summary>Settings of a <see cref="BuildingXClient"/>; binds from configuration section <c>DigitalTwin:BuildingX</c>.</summary>
/// <remarks>
/// Keys: <c>BaseUrl</c> (Operations API), <c>AccountsBaseUrl</c> (Accounts API), <c>TokenUrl</c>, <c>ClientId</c>,
/// <c>ClientSecret</c>, <c>Audience</c>, <c>PartitionId</c>,
/// plus the shared <c>Retry</c>, <c>RateLimit</c>, <c>CircuitBreaker</c> and timeout settings.
/// <see cref="ToString"/> never shows the client secret.
/// </remarks>
public sealed class BuildingXOptions : DigitalTwinClientOptions
{
    /// <summary>The configuration section the DI extension binds by default.</summary>
    public const string SectionName = "DigitalTwin:BuildingX";

    /// <summary>The documented default API base URL (Operations API, EU region).</summary>
    public static readonly Uri DefaultBaseUrl = new("https://eu.buildingx.siemens.com/api/openness/operations");

    /// <summary>
    /// The default Accounts API base URL: the server of the vendor's Accounts API OpenAPI document. The Accounts API is a
    /// product of its own (<c>/me/usergroups</c>, <c>/me/customers</c>, <c>/customers/{id}/partitions</c>) and does not
    /// live under the Operations base URL.
    /// </summary>
    public static readonly Uri DefaultAccountsBaseUrl = new("https://api.bpcloud.siemens.com/accounts");

    /// <summary>The documented token endpoint.</summary>
    public static readonly Uri DefaultTokenUrl = new("https://siemens-bt-015.eu.auth0.com/oauth/token");

    /// <summary>The documented token audience.</summary>
    public const string DefaultAudience = "https://horizon.siemens.com";

    /// <summary>Initializes the options with the vendor defaults.</summary>
    public BuildingXOptions()
    {
        BaseUrl = DefaultBaseUrl;
        RateLimit = new RateLimitOptions { PermitsPerSecond = 10 };
    }

    /// <summary>Gets or sets the base URL of the Accounts API (user groups, customers and their partitions).</summary>
    /// <value>Defaults to <c>https://api.bpcloud.siemens.com/accounts</c>. The same token is sent there, and its requests
    /// count against their own rate limit (the service allows 10 requests per second and API).</value>
    public Uri? AccountsBaseUrl { get; set; } = DefaultAccountsBaseUrl;

    /// <summary>Gets the addresses whose origins may receive the bearer token: the Operations API's and the Accounts API's.</summary>
    /// <returns>The addresses.</returns>
    protected override IEnumerable<Uri> GetCredentialOrigins() =>
        AccountsBaseUrl is null ? base.GetCredentialOrigins() : base.GetCredentialOrigins().Append(AccountsBaseUrl);

    /// <summary>Gets or sets the OAuth 2.0 token endpoint.</summary>
    /// <value>Defaults to <c>https://siemens-bt-015.eu.auth0.com/oauth/token</c>.</value>
    public Uri? TokenUrl { get; set; } = DefaultTokenUrl;

    /// <summary>Gets or sets the machine user's client id.</summary>
    /// <value>Required; no default.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the machine user's client secret. Never logged or shown.</summary>
    /// <value>Required; no default.</value>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the token audience.</summary>
    /// <value>Defaults to <c>https://horizon.siemens.com</c>.</value>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>Gets or sets a partition id for applications (and the samples) that work in one partition.</summary>
    /// <value>Defaults to <see langword="null"/>; the client itself takes partition ids per call.</value>
    public string? PartitionId { get; set; }

    /// <summary>
    /// Gets or sets the window of the client-side rate limit: at most <c>RateLimit.PermitsPerSecond</c> requests (rounded
    /// down) start within any window of this length, across every client of the same API in the process.
    /// </summary>
    /// <value>
    /// Defaults to 1.05 seconds: the service allows 10 requests per second and API, and 50 ms of headroom keeps
    /// network jitter from ever letting it count 11 in one second (about 9.5 requests per second sustained).
    /// </value>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMilliseconds(1050);

    /// <inheritdoc />
    protected override string? GetCredentialIdentity() =>
        ClientId is null ? null : TokenUrl?.AbsoluteUri + "\n" + ClientId + "\n" + Audience;

    /// <summary>Returns the endpoints and client id, never the secret.</summary>
    /// <returns>A description of the options.</returns>
    public override string ToString() =>
        $"BuildingXOptions {{ BaseUrl = {BaseUrl}, AccountsBaseUrl = {AccountsBaseUrl}, TokenUrl = {TokenUrl}, ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, Audience = {Audience} }}";

    /// <inheritdoc />
    protected override void ValidateCore(ICollection<string> errors, string sectionPath)
    {
        base.ValidateCore(errors, sectionPath);
        ValidateEndpoint(errors, sectionPath, nameof(TokenUrl), TokenUrl, required: true);
        ValidateEndpoint(errors, sectionPath, nameof(AccountsBaseUrl), AccountsBaseUrl, required: true);
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add($"{sectionPath}:{nameof(ClientId)} is required.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            errors.Add($"{sectionPath}:{nameof(ClientSecret)} is required.");
        }

        if (RateLimitWindow <= TimeSpan.Zero)
        {
            errors.Add($"{sectionPath}:{nameof(RateLimitWindow)} must be positive.");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            errors.Add($"{sectionPath}:{nameof(Audience)} is required.");
        }
    }
}
