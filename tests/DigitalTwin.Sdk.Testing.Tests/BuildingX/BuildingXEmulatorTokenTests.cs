using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Testing.Tests.BuildingX;

public sealed class BuildingXEmulatorTokenTests
{
    [Fact]
    public async Task Token_JsonBodyWithDocumentedParameters_IssuesBearerJwtFor24Hours()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await PostJsonAsync(http, emulator, Credentials(emulator));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(86400, body["expires_in"]!.GetValue<long>());
        var jwt = body["access_token"]!.GetValue<string>().Split('.');
        Assert.Equal(3, jwt.Length);
        var payload = JsonNode.Parse(Convert.FromBase64String(Pad(jwt[1].Replace('-', '+').Replace('_', '/'))))!;
        Assert.Equal(emulator.Audience, payload["aud"]!.GetValue<string>());
        Assert.Equal(86400, payload["exp"]!.GetValue<long>() - payload["iat"]!.GetValue<long>());
        Assert.True(response.Headers.Contains("X-Request-Id"));
        Assert.Equal(1, emulator.TokensIssued);
    }

    [Fact]
    public async Task Token_FormBody_IsAcceptedToo()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        using var http = new HttpClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = emulator.ClientId,
            ["client_secret"] = emulator.ClientSecret,
            ["audience"] = emulator.Audience,
            ["grant_type"] = "client_credentials",
        });

        using var response = await http.PostAsync(emulator.TokenUri, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("client_secret", "wrong", HttpStatusCode.Unauthorized, "access_denied")]
    [InlineData("client_id", "someone-else", HttpStatusCode.Unauthorized, "access_denied")]
    [InlineData("audience", "https://example.com", HttpStatusCode.Forbidden, "access_denied")]
    [InlineData("audience", null, HttpStatusCode.Forbidden, "access_denied")]
    [InlineData("grant_type", "password", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("grant_type", null, HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("client_secret", null, HttpStatusCode.BadRequest, "invalid_request")]
    public async Task Token_WrongOrMissingParameter_IsRefusedWithOAuthError(string name, string? value, HttpStatusCode expected, string error)
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        using var http = new HttpClient();
        var body = Credentials(emulator);
        if (value is null)
        {
            body.Remove(name);
        }
        else
        {
            body[name] = value;
        }

        using var response = await PostJsonAsync(http, emulator, body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(error, JsonNode.Parse(text)!["error"]!.GetValue<string>());
        Assert.DoesNotContain(emulator.ClientSecret, text, StringComparison.Ordinal);
        Assert.Equal(0, emulator.TokensIssued);
    }

    [Fact]
    public async Task Token_OmitExpiresInOption_LeavesOnlyTheJwtExp()
    {
        await using var emulator = await BuildingXEmulator.StartAsync(new BuildingXEmulatorOptions { OmitExpiresIn = true });
        using var http = new HttpClient();

        using var response = await PostJsonAsync(http, emulator, Credentials(emulator));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["expires_in"]);
        Assert.NotNull(body["access_token"]);
    }

    [Fact]
    public async Task Token_NotJsonOrForm_IsBadRequest()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(emulator.TokenUri, new StringContent("client_id=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutOrWithUnknownToken_Is401WithJsonApiError()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        using var client = new BuildingXTestClient(emulator);

        var (missing, missingBody) = await client.GetAsync("me/customers");
        await client.AuthenticateAsync();
        emulator.RevokeTokens();
        var (revoked, _) = await client.GetAsync("me/customers");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("401", missingBody!["errors"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Api_TokenPastExpiry_Is401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromMinutes(5) });
        await using var _ = emulator;
        using var __ = client;

        var (before, _) = await client.GetAsync("me/usergroups");
        clock.Advance(TimeSpan.FromMinutes(5));
        var (after, body) = await client.GetAsync("me/usergroups");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("expired", body!["errors"]![0]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject Credentials(BuildingXEmulator emulator) => new()
    {
        ["client_id"] = emulator.ClientId,
        ["client_secret"] = emulator.ClientSecret,
        ["audience"] = emulator.Audience,
        ["grant_type"] = "client_credentials",
    };

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, BuildingXEmulator emulator, JsonObject body) =>
        http.PostAsync(emulator.TokenUri, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static string Pad(string base64) => base64 + new string('=', (4 - (base64.Length % 4)) % 4);
}
