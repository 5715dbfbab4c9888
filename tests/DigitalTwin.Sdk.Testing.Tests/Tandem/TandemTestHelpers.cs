using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.Tandem;

namespace DigitalTwin.Sdk.Testing.Tests.Tandem;

/// <summary>Raw-HTTP helpers for talking to <see cref="TandemEmulator"/> without the SDK.</summary>
internal static class TandemTestHelpers
{
    internal const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    internal static HttpClient NewClient(TandemEmulator emulator) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = emulator.BaseUri };

    internal static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));

    internal static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = auth;
        return await http.SendAsync(request);
    }

    internal static async Task<JsonObject> TwoLeggedAsync(TandemEmulator emulator, HttpClient http, string scope = "data:read data:write")
    {
        using var response = await PostFormAsync(http, "authentication/v2/token", [new("grant_type", "client_credentials"), new("scope", scope)], Basic(emulator.ClientId, emulator.ClientSecret));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    internal static async Task<string> AuthorizeAsync(HttpClient http, string clientId, Uri redirect, string? challenge, string scope = "data:read data:write")
    {
        var url = $"authentication/v2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect.ToString())}&scope={Uri.EscapeDataString(scope)}&state=xyz";
        if (challenge is not null)
        {
            url += "&code_challenge=" + challenge + "&code_challenge_method=S256";
        }

        using var response = await http.GetAsync(url);
        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(redirect.ToString(), location, StringComparison.Ordinal);
        Assert.Contains("state=xyz", location, StringComparison.Ordinal);
        var code = location.Split('?')[1].Split('&').Single(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..];
        return Uri.UnescapeDataString(code);
    }

    internal static async Task<JsonObject> ThreeLeggedAsync(TandemEmulator emulator, HttpClient http, string scope = "data:read data:write")
    {
        var code = await AuthorizeAsync(http, emulator.PublicClientId, emulator.RedirectUri, Challenge(Verifier), scope);
        using var response = await PostFormAsync(http, "authentication/v2/token",
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", emulator.RedirectUri.ToString()),
            new("code_verifier", Verifier),
            new("client_id", emulator.PublicClientId),
        ]);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, JsonNode? body = null, string? region = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (region is not null)
        {
            request.Headers.Add("Region", region);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    internal static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
