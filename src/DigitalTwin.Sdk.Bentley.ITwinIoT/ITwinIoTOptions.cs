using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// Settings of the iTwin IoT clients (REST and socket), bound from configuration section <c>DigitalTwin:ITwinIoT</c>
/// with keys <c>WebSocketUrl, RestBaseUrl, ApiKey, ProjectId</c>, or <c>TokenUrl, ClientId, ClientSecret, Scope</c>
/// instead of <c>ApiKey</c>.
/// </summary>
/// <remarks>Holds credentials: <see cref="ToString"/> masks them.</remarks>
public sealed class ITwinIoTOptions : DigitalTwinClientOptions
{
    /// <summary>The configuration section the DI extensions bind.</summary>
    public const string SectionName = "DigitalTwin:ITwinIoT";

    /// <summary>
    /// The scope current iTwin Platform applications are registered with (developer.bentley.com Sensor Data pages:
    /// "a valid Bearer token with itwin-platform scope"), sent by default.
    /// </summary>
    public const string DefaultScope = "itwin-platform";

    /// <summary>The granular scopes of older Sensor Data Service applications (vendor document, "Create an Application"); set <see cref="Scope"/> to it for such an application.</summary>
    public const string GranularScope = "sensor-data:modify sensor-data:read users:read itwins:read itwins:modify";

    /// <summary>Initializes a new instance of the <see cref="ITwinIoTOptions"/> class with the production endpoints.</summary>
    public ITwinIoTOptions() => BaseUrl = new Uri("https://iiot.bentley.com/");

    /// <summary>Gets or sets the REST base address (same as <see cref="DigitalTwinClientOptions.BaseUrl"/>).</summary>
    /// <value>Defaults to <c>https://iiot.bentley.com/</c>.</value>
    public Uri? RestBaseUrl
    {
        get => BaseUrl;
        set => BaseUrl = value;
    }

    /// <summary>Gets or sets which publication of the REST API is used.</summary>
    /// <value>Defaults to <see cref="ITwinIoTRestApi.ITwinIoT"/>.</value>
    public ITwinIoTRestApi RestApi { get; set; } = ITwinIoTRestApi.ITwinIoT;

    /// <summary>Gets or sets the WebSocket address of the socket API.</summary>
    /// <value>Defaults to <c>wss://iiot.bentley.com:4201/</c>.</value>
    public Uri WebSocketUrl { get; set; } = new("wss://iiot.bentley.com:4201/");

    /// <summary>Gets or sets the API key (<c>Authorization: ApiKey</c>, and the socket's <c>authenticate</c> code).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the IMS token endpoint used with <see cref="ClientId"/>/<see cref="ClientSecret"/>.</summary>
    /// <value>Defaults to <c>https://ims.bentley.com/connect/token</c>.</value>
    public Uri TokenUrl { get; set; } = new("https://ims.bentley.com/connect/token");

    /// <summary>Gets or sets the IMS client id (client-credentials grant).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the IMS client secret.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the IMS scopes, space separated (<see cref="GranularScope"/> for an application registered with the granular list).</summary>
    /// <value>Defaults to <see cref="DefaultScope"/> (<c>itwin-platform</c>).</value>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>Gets or sets the project (or iTwin asset id) used when a call names none.</summary>
    /// <value>Defaults to <see langword="null"/> (the organisation's Default Project).</value>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the page size of the <c>/all</c> listings.</summary>
    /// <value>Defaults to 100.</value>
    public int PageSize { get; set; } = 100;

    /// <summary>Gets a value indicating whether IMS client credentials (rather than an API key) are configured.</summary>
    internal bool UsesIms => string.IsNullOrWhiteSpace(ApiKey);

    /// <inheritdoc />
    public override string ToString() =>
        $"ITwinIoTOptions {{ RestBaseUrl = {BaseUrl}, RestApi = {RestApi}, WebSocketUrl = {WebSocketUrl}, ProjectId = {ProjectId}, ClientId = {ClientId}, ApiKey = {(ApiKey is null ? "null" : "***")}, ClientSecret = {(ClientSecret is null ? "null" : "***")} }}";

    /// <summary>Creates the socket-client settings matching these options; the socket authenticates with <paramref name="credential"/>.</summary>
    /// <param name="credential">Supplies the <c>authenticate</c> code (the API key, an IMS token or the caller's token).</param>
    /// <returns>The socket options.</returns>
    internal ITwinIoTSocketOptions ToSocketOptions(Func<CancellationToken, ValueTask<string>> credential) => new()
    {
        WebSocketUrl = WebSocketUrl,
        AccessTokenProvider = credential,
        ProjectId = ProjectId,
    };

    /// <inheritdoc />
    protected override string? GetCredentialIdentity() =>
        ClientId is null ? null : TokenUrl.AbsoluteUri + "\n" + ClientId + "\n" + Scope;

    /// <inheritdoc />
    protected override void ValidateCore(ICollection<string> errors, string sectionPath)
    {
        ArgumentNullException.ThrowIfNull(errors);
        base.ValidateCore(errors, sectionPath);
        ValidateEndpoint(errors, sectionPath, nameof(WebSocketUrl), WebSocketUrl, required: true);
        if (UsesIms)
        {
            // ClientId/ClientSecret are checked where the IMS grant is built: a caller's own credential replaces it.
            ValidateEndpoint(errors, sectionPath, nameof(TokenUrl), TokenUrl, required: true);
        }

        if (PageSize is < 1 or > 1000)
        {
            errors.Add($"{sectionPath}:{nameof(PageSize)} must be between 1 and 1000 (was {PageSize}).");
        }
    }
}
