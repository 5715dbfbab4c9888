using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>Settings of the Siemens Lifecycle Twin client; bound from configuration section <c>DigitalTwin:LifecycleTwin</c>.</summary>
/// <remarks><see cref="ToString"/> never shows <see cref="ClientSecret"/> or <see cref="Password"/>.</remarks>
public sealed class LifecycleTwinOptions : DigitalTwinClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "DigitalTwin:LifecycleTwin";

    /// <summary>Initializes the options with the vendor's default base URL.</summary>
    public LifecycleTwinOptions() => BaseUrl = DefaultBaseUrl;

    /// <summary>Gets the documented EU service URL (the token endpoint is <c>{BaseUrl}/api/token</c>).</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://eu-ecodomus-services.siemens.com/");

    /// <summary>Gets or sets the token endpoint of the password and refresh-token grants.</summary>
    /// <value>Defaults to <see langword="null"/>: <c>{BaseUrl}/api/token</c>, where the service documents it.</value>
    public Uri? TokenUrl { get; set; }

    /// <summary>Gets or sets the client id issued by Lifecycle Twin support.</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret issued by Lifecycle Twin support.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the user name of the password grant.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password of the password grant.</summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets the portfolio (client) name sent in the mandatory <c>clientname</c> header.</summary>
    public string? ClientName { get; set; }

    /// <summary>Gets or sets the default site (project) id sent in the <c>projectid</c> header of site-scoped requests.</summary>
    /// <value>Optional; site-scoped calls may pass a project id explicitly instead.</value>
    public string? ProjectId { get; set; }

    /// <summary>Gets or sets the page size used when walking all pages.</summary>
    /// <value>Defaults to 500; at most 1000 (the vendor's recommended maximum).</value>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// Gets or sets a value indicating whether later pages are fetched while the current one is consumed: once a full page
    /// arrives, the next two page requests are in flight (a walk ending on a short page makes one extra, cancelled request).
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool PrefetchNextPage { get; set; } = true;

    /// <inheritdoc />
    protected override string? GetCredentialIdentity() =>
        ClientId is null ? null : (TokenUrl ?? BaseUrl)?.AbsoluteUri + "\n" + ClientId + "\n" + Username;

    /// <summary>Returns a description without secrets.</summary>
    /// <returns>Base URL, token URL, client id, user, client name and project id.</returns>
    public override string ToString() =>
        $"LifecycleTwinOptions {{ BaseUrl = {BaseUrl}, TokenUrl = {TokenUrl}, ClientId = {ClientId}, Username = {Username}, ClientName = {ClientName}, ProjectId = {ProjectId}, ClientSecret = ***, Password = *** }}";

    /// <inheritdoc />
    protected override void ValidateCore(ICollection<string> errors, string sectionPath)
    {
        base.ValidateCore(errors, sectionPath);
        ValidateEndpoint(errors, sectionPath, nameof(TokenUrl), TokenUrl, required: false);
        Require(errors, sectionPath, nameof(ClientId), ClientId);
        Require(errors, sectionPath, nameof(ClientSecret), ClientSecret);
        Require(errors, sectionPath, nameof(Username), Username);
        Require(errors, sectionPath, nameof(Password), Password);
        Require(errors, sectionPath, nameof(ClientName), ClientName);
        if (ClientName is not null && ClientName.Any(c => c < 0x20 || c > 0x7e))
        {
            errors.Add($"{sectionPath}:{nameof(ClientName)} must be printable ASCII (it is sent as an HTTP header).");
        }

        if (ProjectId is not null && ProjectId.Any(c => c < 0x20 || c > 0x7e))
        {
            errors.Add($"{sectionPath}:{nameof(ProjectId)} must be printable ASCII (it is sent as an HTTP header).");
        }

        if (PageSize is < 1 or > Pagination.MaxPageSize)
        {
            errors.Add($"{sectionPath}:{nameof(PageSize)} must be between 1 and {Pagination.MaxPageSize} (was {PageSize}).");
        }
    }

    private static void Require(ICollection<string> errors, string sectionPath, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{sectionPath}:{name} is required.");
        }
    }
}
