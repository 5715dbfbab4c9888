using System.Net;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Internal;

namespace DigitalTwin.Sdk.Core.Pipeline;

/// <summary>Sends a token request and turns the OAuth 2.0 answer into an <see cref="AccessToken"/> or a secret-free exception.</summary>
public static class OAuthTokenClient
{
    /// <summary>Lifetime assumed when the response states none and the token is not a JWT with <c>exp</c>.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Sends the token request through the token runtime's pipeline. A refused request (400, 401, 403) or an
    /// unreachable endpoint becomes a <see cref="DigitalTwinAuthenticationException"/> that names neither secret nor token.
    /// </summary>
    /// <param name="runtime">The token endpoint's runtime (no credential, no rate limit).</param>
    /// <param name="request">The token request (grant form and client authentication).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token with its expiry: <c>expires_in</c>, else the JWT's <c>exp</c>, else one hour.</returns>
    public static async Task<AccessToken> RequestAsync(ClientRuntime runtime, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var issuedOn = runtime.Time.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await runtime.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (DigitalTwinException ex) when (ex is not DigitalTwinApiException)
        {
            throw new DigitalTwinAuthenticationException(
                new ApiErrorInfo(runtime.Vendor, 0) { Method = request.Method.Method, Path = request.RequestUri?.AbsolutePath, ErrorCode = "token_endpoint_unreachable" },
                $"{runtime.Vendor}: the token endpoint {request.RequestUri?.GetLeftPart(UriPartial.Path)} could not be reached: {ex.Message}",
                ex);
        }

        response.RequestMessage ??= request;
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await runtime.CreateExceptionAsync(response, cancellationToken).ConfigureAwait(false);
                if (error.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new DigitalTwinAuthenticationException(
                        error.Info,
                        $"{runtime.Vendor}: the token request was refused ({(int)error.StatusCode}{(error.ErrorCode is null ? string.Empty : ", " + error.ErrorCode)}{(error.ErrorTitle is null ? string.Empty : ": " + error.ErrorTitle)}). Check the client id, secret and user credentials.",
                        error);
                }

                throw error;
            }

            var body = await runtime.ReadJsonAsync(response, CoreJsonContext.Default.OAuthTokenResponse, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(body.AccessToken))
            {
                throw new DigitalTwinInvalidResponseException(
                    new ApiErrorInfo(runtime.Vendor, response.StatusCode) { RequestId = runtime.Definition.ErrorParser.ReadRequestId(response), ErrorCode = "InvalidResponse" },
                    $"{runtime.Vendor}: the token response has no access_token.");
            }

            DateTimeOffset expiresOn;
            if (body.ExpiresIn is > 0 and < 1e9)
            {
                expiresOn = issuedOn + TimeSpan.FromSeconds(body.ExpiresIn.Value);
            }
            else if (JwtExpiry.TryRead(body.AccessToken, out var exp))
            {
                expiresOn = exp;
            }
            else
            {
                expiresOn = issuedOn + DefaultLifetime;
            }

            return new AccessToken(body.AccessToken, expiresOn, issuedOn, body.RefreshToken);
        }
    }
}
