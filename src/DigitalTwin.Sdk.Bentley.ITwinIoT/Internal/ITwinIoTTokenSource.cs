using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Internal;

/// <summary>
/// Credentials of iTwin IoT: a static API key (<c>Authorization: ApiKey &lt;key&gt;</c>, never expires) or an IMS
/// client-credentials token (<c>Authorization: Bearer</c>) from <c>POST {TokenUrl}</c> with the configured scopes.
/// The core's token cache does the caching, early refresh and single-flight.
/// </summary>
internal sealed class ITwinIoTTokenSource(ClientRuntime tokenRuntime, ITwinIoTOptions options) : ITokenSource
{
    /// <summary>Builds the grant the options configure (used only when the caller brings no credential of its own).</summary>
    /// <exception cref="ArgumentException">Neither an API key nor both IMS client credentials are set.</exception>
    public static ITwinIoTTokenSource Create(ClientRuntime tokenRuntime, ITwinIoTOptions options)
    {
        if (options.UsesIms && (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret)))
        {
            throw new ArgumentException(
                $"Invalid options: {ITwinIoTOptions.SectionName}: set {nameof(options.ApiKey)}, or {nameof(options.ClientId)} and {nameof(options.ClientSecret)} for IMS, or pass a credential.",
                nameof(options));
        }

        return new ITwinIoTTokenSource(tokenRuntime, options);
    }

    public ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        if (!options.UsesIms)
        {
            var now = tokenRuntime.Time.GetUtcNow();
            return ValueTask.FromResult(new AccessToken(options.ApiKey!, DateTimeOffset.MaxValue, now, scheme: "ApiKey"));
        }

        return new ValueTask<AccessToken>(RequestAsync(cancellationToken));
    }

    private Task<AccessToken> RequestAsync(CancellationToken cancellationToken)
    {
        var request = tokenRuntime.CreateRequest(HttpMethod.Post, options.TokenUrl.AbsoluteUri, "AcquireImsToken");
        request.Content = new FormUrlEncodedContent(
        [
            new("client_id", options.ClientId!),
            new("client_secret", options.ClientSecret!),
            new("grant_type", "client_credentials"),
            new("scope", options.Scope),
        ]);

        // A client-credentials grant has no side effect: safe to retry.
        request.MarkIdempotent();
        return OAuthTokenClient.RequestAsync(tokenRuntime, request, cancellationToken);
    }
}
