using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin;

/// <summary>
/// Lifecycle Twin tokens: <c>POST {BaseUrl}/api/token</c> (or <see cref="LifecycleTwinOptions.TokenUrl"/>), form-encoded. Uses <c>grant_type=refresh_token</c> when the
/// expiring token carries a refresh token, and falls back to the password grant when the refresh is refused.
/// </summary>
internal sealed class LifecycleTwinTokenSource(ClientRuntime tokenRuntime, LifecycleTwinOptions options) : ITokenSource
{
    public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        if (current?.RefreshToken is { } refreshToken)
        {
            try
            {
                // Not marked idempotent: a refresh token may be single-use, so a refresh that may have reached the
                // server is not repeated; the password grant below is the fallback.
                return await RequestAsync(
                    [
                        new("client_id", options.ClientId!),
                        new("client_secret", options.ClientSecret!),
                        new("grant_type", "refresh_token"),
                        new("refresh_token", refreshToken),
                    ],
                    idempotent: false,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DigitalTwinException) when (!cancellationToken.IsCancellationRequested)
            {
                // Refresh refused or failed: the password grant below gets a fresh pair.
            }
        }

        return await RequestAsync(
            [
                new("client_id", options.ClientId!),
                new("client_secret", options.ClientSecret!),
                new("username", options.Username!),
                new("password", options.Password!),
                new("grant_type", "password"),
            ],
            idempotent: true,
            cancellationToken).ConfigureAwait(false);
    }

    private Task<AccessToken> RequestAsync(KeyValuePair<string, string>[] form, bool idempotent, CancellationToken cancellationToken)
    {
        var request = tokenRuntime.CreateRequest(HttpMethod.Post, options.TokenUrl?.AbsoluteUri ?? "api/token", "AcquireToken");
        request.Content = new FormUrlEncodedContent(form);
        if (idempotent)
        {
            request.MarkIdempotent();
        }

        return OAuthTokenClient.RequestAsync(tokenRuntime, request, cancellationToken);
    }
}
