using System.Net.Http.Headers;
using System.Text;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core.Http;

namespace DigitalTwin.Sdk.Autodesk.Tandem.Internal;

/// <summary>
/// Builds APS Authentication v2 requests. A confidential app authenticates with HTTP Basic (<c>client_id:client_secret</c>,
/// never in the body); a public app sends only <c>client_id</c> in the form.
/// </summary>
internal static class ApsTokenRequests
{
    internal static HttpRequestMessage ClientCredentials(TandemOptions options) =>
        Create(options, options.TokenUrl!, "GetToken", [new("grant_type", "client_credentials"), new("scope", options.Scope)])
            .MarkIdempotent(); // Issuing another app token has no side effect, so a lost answer may be retried.

    internal static HttpRequestMessage AuthorizationCode(TandemOptions options, string code, PkceCodes? pkce)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", options.RedirectUri!.OriginalString),
        ];
        if (pkce is not null)
        {
            form.Add(new("code_verifier", pkce.Verifier));
        }

        return Create(options, options.TokenUrl!, "ExchangeCode", form);
    }

    internal static HttpRequestMessage Refresh(TandemOptions options, string refreshToken) =>
        Create(options, options.TokenUrl!, "RefreshToken", [new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]);

    internal static HttpRequestMessage Revoke(TandemOptions options, string token, ApsTokenTypeHint hint) =>
        Create(options, options.RevokeUrl ?? throw new InvalidOperationException("TandemOptions.RevokeUrl is not set."), "RevokeToken",
        [
            new("token", token),
            new("token_type_hint", hint == ApsTokenTypeHint.RefreshToken ? "refresh_token" : "access_token"),
        ]);

    private static HttpRequestMessage Create(TandemOptions options, Uri endpoint, string operation, List<KeyValuePair<string, string>> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            form.Add(new("client_id", options.ClientId!));
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ClientId + ":" + options.ClientSecret)));
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request.WithOperation(operation);
    }
}
