using System.Net;
using System.Net.Http.Headers;
using DigitalTwin.Sdk.Core.Http;
using DigitalTwin.Sdk.Core.Pipeline;

namespace DigitalTwin.Sdk.Core.Internal;

/// <summary>
/// Attaches the current token to requests for the configured API origin only, and on a 401 invalidates that
/// token and retries once with a fresh one (one refresh however many requests saw the 401). The header is removed
/// again once the attempt is answered, so the handlers above (a caller's per-attempt handler on the next attempt, the
/// logging of a retried request) and a caller holding the request never see the token.
/// </summary>
internal sealed class AuthenticationHandler(ClientRuntime runtime) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = runtime.Tokens;
        if (tokens is null || (request.Options.TryGetValue(DigitalTwinRequestOptions.AnonymousKey, out var anonymous) && anonymous))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!runtime.MayReceiveCredentials(request.RequestUri))
        {
            throw new DigitalTwinException(
                $"{runtime.Vendor}: refusing to send credentials to {request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "(relative URL)"}; tokens go only to the configured API origin.");
        }

        try
        {
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue(token.Scheme, token.Value);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            response.Dispose();
            tokens.Invalidate(token);
            var fresh = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue(fresh.Scheme, fresh.Value);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Authorization = null;
        }
    }
}
