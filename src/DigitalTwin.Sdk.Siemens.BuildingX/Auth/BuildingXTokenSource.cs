using System.Net.Http.Headers;
using System.Text.Json;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Internal;

/// <summary>
/// Acquires Building X tokens with the OAuth 2.0 client-credentials grant: a JSON body with <c>client_id</c>,
/// <c>client_secret</c>, <c>audience</c> and <c>grant_type</c> POSTed to the token URL, as the vendor's guide does.
/// </summary>
/// <remarks>
/// Expiry comes from <c>expires_in</c> (the vendor issues 24-hour tokens), else from the JWT <c>exp</c> claim.
/// Caching, refresh-ahead and single-flight belong to the core <see cref="TokenCache"/> wrapped around this source.
/// </remarks>
internal sealed class BuildingXTokenSource(ClientRuntime tokenRuntime, BuildingXOptions options) : ITokenSource
{
    public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
    {
        var body = new BuildingXTokenRequest(options.ClientId ?? string.Empty, options.ClientSecret ?? string.Empty, options.Audience);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.TokenUrl)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, BuildingXAuthJsonContext.Default.BuildingXTokenRequest)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // Asking for a token has no side effect, so it may be retried like a GET.
        request.MarkIdempotent().WithOperation("AcquireToken");
        return await OAuthTokenClient.RequestAsync(tokenRuntime, request, cancellationToken).ConfigureAwait(false);
    }
}
