using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Autodesk.Tandem;

/// <summary>Settings of a <see cref="TandemClient"/>; binds from configuration section <c>DigitalTwin:Tandem</c>.</summary>
public sealed class TandemOptions : DigitalTwinClientOptions
{
    /// <summary>The configuration section the DI extension binds.</summary>
    public const string SectionName = "DigitalTwin:Tandem";

    /// <summary>Initializes the options with the production endpoints.</summary>
    public TandemOptions() => BaseUrl = new Uri("https://developer.api.autodesk.com/tandem/v1/");

    /// <summary>Gets or sets the APS token endpoint (<c>POST authentication/v2/token</c>).</summary>
    /// <value>Defaults to <c>https://developer.api.autodesk.com/authentication/v2/token</c>.</value>
    public Uri? TokenUrl { get; set; } = new("https://developer.api.autodesk.com/authentication/v2/token");

    /// <summary>Gets or sets the APS authorize endpoint the user's browser opens (three-legged sign-in).</summary>
    /// <value>Defaults to <c>https://developer.api.autodesk.com/authentication/v2/authorize</c>.</value>
    public Uri? AuthorizeUrl { get; set; } = new("https://developer.api.autodesk.com/authentication/v2/authorize");

    /// <summary>Gets or sets the APS revoke endpoint (<c>POST authentication/v2/revoke</c>).</summary>
    /// <value>Defaults to <c>https://developer.api.autodesk.com/authentication/v2/revoke</c>.</value>
    public Uri? RevokeUrl { get; set; } = new("https://developer.api.autodesk.com/authentication/v2/revoke");

    // A field, not a property: the configuration binder's source generator inspects every property, even internal ones.
    private ITandemTokenStore? _tokenStore;

    /// <summary>
    /// Makes the three-legged flow keep the user's single-use refresh token in <paramref name="tokenStore"/>, so a host app
    /// survives restarts without a new sign-in. A method rather than a property so configuration binding never sees it
    /// (it is an object, not a setting).
    /// </summary>
    /// <param name="tokenStore">The store; the client does not dispose it.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokenStore"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Without a store the client keeps the token in memory (a new <see cref="InMemoryTandemTokenStore"/> per client), or, under DI,
    /// in the <see cref="ITandemTokenStore"/> the app registered, if any.
    /// </remarks>
    public TandemOptions UseTokenStore(ITandemTokenStore tokenStore)
    {
        ArgumentNullException.ThrowIfNull(tokenStore);
        _tokenStore = tokenStore;
        return this;
    }

    /// <summary>Gets or sets the client id of the APS application.</summary>
    /// <value>Required.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret; sent only in the HTTP Basic header of token requests. Leave empty for a public (PKCE) app.</summary>
    /// <value>Required for <see cref="TandemAuthFlow.TwoLegged"/>.</value>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the flow used to obtain tokens.</summary>
    /// <value>Defaults to <see cref="TandemAuthFlow.TwoLegged"/>.</value>
    public TandemAuthFlow Flow { get; set; } = TandemAuthFlow.TwoLegged;

    /// <summary>Gets or sets the space-separated scopes requested.</summary>
    /// <value>Defaults to <c>data:read</c>; add <c>data:write</c> to send stream readings.</value>
    public string Scope { get; set; } = "data:read";

    /// <summary>Gets or sets the callback URL registered for the app (three-legged).</summary>
    /// <value>Defaults to <see langword="null"/>; required for <see cref="TandemAuthFlow.ThreeLegged"/>.</value>
    public Uri? RedirectUri { get; set; }

    /// <summary>
    /// Gets or sets the name under which the processes of a host app share one signed-in user's three-legged session —
    /// the user's or the tenant's id in the host app, never a token. With an <see cref="DigitalTwin.Sdk.Core.Auth.ISharedTokenStore"/>
    /// registered (<c>UseRedis</c>, or an <see cref="DigitalTwin.Sdk.Core.Auth.InProcessSharedTokenStore"/>), every client with the
    /// same <see cref="TokenUrl"/>, <see cref="ClientId"/> and session id keeps the session (access token, rotating refresh
    /// token, expiry) in the store: one process refreshes it at a time, under the store's lease, and writes the rotated refresh
    /// token back with the new access token, so no two processes ever spend the same refresh token.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: each process keeps its own session (the behaviour without a shared store).
    /// Only the three-legged flow uses it; the store's key is a hash of it, the client id and the token endpoint.</value>
    public string? SessionId { get; set; }

    /// <summary>Gets or sets the URN of the twin the host app works with (used by samples; calls take the URN explicitly).</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? TwinId { get; set; }

    /// <summary>Gets or sets the data region sent in the <c>Region</c> header.</summary>
    /// <value>Defaults to <see langword="null"/> (header not sent; the service uses US).</value>
    public TandemRegion? Region { get; set; }

    /// <summary>Gets the origin document links point at by default, and the vendor samples send the bearer token to.</summary>
    public static Uri DefaultCredentialOrigin { get; } = new("https://tandem.autodesk.com");

    /// <summary>
    /// Gets or sets the Autodesk origins (<c>scheme://host[:port]</c>), besides the API's own origin, that may receive the bearer
    /// token: document <c>signedLink</c>s point at <c>https://tandem.autodesk.com</c> and are refused without it. A link on any
    /// other origin is fetched without credentials.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>, which means <see cref="DefaultCredentialOrigin"/> only; set an empty list to send the token to the API origin alone.</value>
    /// <remarks>Binds from <c>DigitalTwin:Tandem:CredentialOrigins:0</c>, <c>:1</c>, …; a configured list replaces the default.</remarks>
    public IList<Uri>? CredentialOrigins { get; set; }

    /// <summary>Gets the addresses whose origins may receive the bearer token: the API's, then the allow-list (<see cref="CredentialOrigins"/>).</summary>
    /// <returns>The addresses.</returns>
    protected override IEnumerable<Uri> GetCredentialOrigins() =>
        base.GetCredentialOrigins().Concat(CredentialOrigins ?? [DefaultCredentialOrigin]);

    /// <summary>Gets the store <see cref="UseTokenStore"/> set, or <see langword="null"/>.</summary>
    /// <returns>The store or <see langword="null"/>.</returns>
    internal ITandemTokenStore? GetTokenStore() => _tokenStore;

    /// <summary>Gets the identity of the shared three-legged session (<see cref="SessionId"/>), or <see langword="null"/> when it is not shared.</summary>
    /// <returns>Token endpoint, client id and session id; no secret.</returns>
    internal string? GetSharedSessionIdentity() =>
        Flow != TandemAuthFlow.ThreeLegged || ClientId is null || string.IsNullOrWhiteSpace(SessionId)
            ? null
            : TokenUrl?.AbsoluteUri + "\n" + ClientId + "\nthree-legged\n" + SessionId;

    /// <inheritdoc />
    /// <remarks>Two-legged only: a three-legged session belongs to the user who signed in, not to these options.</remarks>
    protected override string? GetCredentialIdentity() =>
        Flow != TandemAuthFlow.TwoLegged || ClientId is null ? null : TokenUrl?.AbsoluteUri + "\n" + ClientId + "\n" + Scope;

    /// <inheritdoc />
    protected override void ValidateCore(ICollection<string> errors, string sectionPath)
    {
        base.ValidateCore(errors, sectionPath);
        ValidateEndpoint(errors, sectionPath, nameof(TokenUrl), TokenUrl, required: true);
        ValidateEndpoint(errors, sectionPath, nameof(AuthorizeUrl), AuthorizeUrl, required: Flow == TandemAuthFlow.ThreeLegged);
        ValidateEndpoint(errors, sectionPath, nameof(RevokeUrl), RevokeUrl, required: false);
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add($"{sectionPath}:{nameof(ClientId)} is required.");
        }

        if (Flow == TandemAuthFlow.TwoLegged && string.IsNullOrEmpty(ClientSecret))
        {
            errors.Add($"{sectionPath}:{nameof(ClientSecret)} is required for the two-legged flow.");
        }

        if (Flow == TandemAuthFlow.ThreeLegged && RedirectUri is not { IsAbsoluteUri: true })
        {
            errors.Add($"{sectionPath}:{nameof(RedirectUri)} must be an absolute URL for the three-legged flow.");
        }

        if (SessionId is not null && string.IsNullOrWhiteSpace(SessionId))
        {
            errors.Add($"{sectionPath}:{nameof(SessionId)} must not be blank; leave it unset not to share the session.");
        }

        if (string.IsNullOrWhiteSpace(Scope))
        {
            errors.Add($"{sectionPath}:{nameof(Scope)} must name at least one scope, e.g. data:read.");
        }

        if (CredentialOrigins is not null)
        {
            for (var i = 0; i < CredentialOrigins.Count; i++)
            {
                var origin = CredentialOrigins[i];
                var name = $"{nameof(CredentialOrigins)}:{i}";
                ValidateEndpoint(errors, sectionPath, name, origin, required: true);
                if (origin is { IsAbsoluteUri: true } && (origin.AbsolutePath != "/" || origin.Query.Length > 0 || origin.UserInfo.Length > 0))
                {
                    errors.Add($"{sectionPath}:{name} must be an origin (scheme://host[:port]) without path, query or user info.");
                }
            }
        }

        if (TwinId is not null && !TwinUrn.TryParse(TwinId, out _))
        {
            errors.Add($"{sectionPath}:{nameof(TwinId)} must be a twin URN (urn:adsk.dtt:...).");
        }
    }
}
