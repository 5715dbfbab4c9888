using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Testing.Tests.LifecycleTwin;

public sealed class LifecycleTwinEmulatorTokenTests
{
    [Fact]
    public async Task PasswordGrant_ValidCredentials_ReturnsDocumentedTokenShape()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);

        using var response = await api.PasswordGrantAsync();
        var token = await api.TokenAsync(response);

        Assert.False(string.IsNullOrEmpty((string?)token["access_token"]));
        Assert.Equal("bearer", (string?)token["token_type"]);
        Assert.Equal(604_799, (long)token["expires_in"]!);
        Assert.False(string.IsNullOrEmpty((string?)token["refresh_token"]));
        Assert.Equal(emulator.UserSid, (string?)token["user_sid"]);
        Assert.True(Guid.TryParse(emulator.UserSid, out _));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal((1, 1, 0), (emulator.TokensIssued, emulator.PasswordGrantsIssued, emulator.RefreshGrantsIssued));
    }

    [Fact]
    public async Task PasswordGrant_CustomCredentialsAndLifetime_AreHonoured()
    {
        var options = new LifecycleTwinEmulatorOptions
        {
            ClientId = "cid", ClientSecret = "csecret", Username = "alice", Password = "pa ss&word=", TokenLifetime = TimeSpan.FromMinutes(5),
        };
        await using var emulator = await LifecycleTwinEmulator.StartAsync(options);
        using var api = new LifecycleTwinApi(emulator);

        var token = await api.TokenAsync(await api.PasswordGrantAsync());

        Assert.Equal(("cid", "csecret", "alice", "pa ss&word="), (emulator.ClientId, emulator.ClientSecret, emulator.Username, emulator.Password));
        Assert.Equal(300, (long)token["expires_in"]!);
    }

    [Fact]
    public async Task PasswordGrant_WrongPassword_Returns400InvalidGrant()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);

        using var response = await api.PasswordGrantAsync("wrong");

        await AssertTokenErrorAsync(response, "invalid_grant");
        Assert.Equal(0, emulator.TokensIssued);
    }

    [Theory]
    [InlineData("other-client", "emulator-secret")]
    [InlineData("emulator-client", "other-secret")]
    [InlineData("", "")]
    public async Task PasswordGrant_WrongClient_Returns400InvalidClient(string clientId, string clientSecret)
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);

        using var response = await api.PostTokenAsync(
            ("client_id", clientId), ("client_secret", clientSecret), ("username", emulator.Username),
            ("password", emulator.Password), ("grant_type", "password"));

        await AssertTokenErrorAsync(response, "invalid_client");
    }

    [Theory]
    [InlineData("client_credentials")]
    [InlineData("")]
    [InlineData("PASSWORD")]
    public async Task Token_UnsupportedGrantType_Returns400UnsupportedGrantType(string grantType)
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);

        using var response = await api.PostTokenAsync(
            ("client_id", emulator.ClientId), ("client_secret", emulator.ClientSecret), ("username", emulator.Username),
            ("password", emulator.Password), ("grant_type", grantType));

        await AssertTokenErrorAsync(response, "unsupported_grant_type");
    }

    [Fact]
    public async Task Token_JsonBody_Returns400InvalidRequest()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);

        using var response = await api.Http.PostAsync("api/token", new StringContent("{\"grant_type\":\"password\"}", Encoding.UTF8, "application/json"));

        await AssertTokenErrorAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Token_Get_Returns405()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);

        using var response = await api.Http.GetAsync("api/token");

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task RefreshGrant_Rotating_IssuesWorkingTokensAndRefreshTokenIsSingleUse()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        var first = await api.TokenAsync(await api.PasswordGrantAsync());
        var firstRefresh = (string)first["refresh_token"]!;

        var second = await api.TokenAsync(await api.RefreshGrantAsync(firstRefresh));
        using var reuse = await api.RefreshGrantAsync(firstRefresh);

        await AssertTokenErrorAsync(reuse, "invalid_grant");
        Assert.NotEqual(firstRefresh, (string)second["refresh_token"]!);
        Assert.NotEqual((string)first["access_token"]!, (string)second["access_token"]!);
        Assert.Equal(604_799, (long)second["expires_in"]!);
        api.AccessToken = (string)second["access_token"]!;
        Assert.Single(await api.ListAsync("api/clientprojects", filter: "{\"equals\":{\"Name\":\"Building1\"}}"));
        var third = await api.TokenAsync(await api.RefreshGrantAsync((string)second["refresh_token"]!));
        Assert.NotNull(third["access_token"]);
        Assert.Equal((3, 1, 2), (emulator.TokensIssued, emulator.PasswordGrantsIssued, emulator.RefreshGrantsIssued));
    }

    [Fact]
    public async Task RefreshGrant_NotRotating_ReturnsSameRefreshTokenWhichStaysValid()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { RotateRefreshTokens = false });
        using var api = new LifecycleTwinApi(emulator);
        var refresh = (string)(await api.TokenAsync(await api.PasswordGrantAsync()))["refresh_token"]!;

        var second = await api.TokenAsync(await api.RefreshGrantAsync(refresh));
        var third = await api.TokenAsync(await api.RefreshGrantAsync(refresh));

        Assert.Equal(refresh, (string)second["refresh_token"]!);
        Assert.Equal(refresh, (string)third["refresh_token"]!);
        Assert.Equal(2, emulator.RefreshGrantsIssued);
    }

    [Theory]
    [InlineData("never-issued")]
    [InlineData("")]
    public async Task RefreshGrant_UnknownToken_Returns400InvalidGrant(string refreshToken)
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);

        using var response = await api.RefreshGrantAsync(refreshToken);

        await AssertTokenErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task RefreshGrant_ConcurrentRedemptionOfOneToken_ExactlyOneSucceeds()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        var refresh = (string)(await api.TokenAsync(await api.PasswordGrantAsync()))["refresh_token"]!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => api.RefreshGrantAsync(refresh)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(1, emulator.RefreshGrantsIssued);
    }

    [Fact]
    public async Task AccessToken_PastExpiresIn_Returns401()
    {
        var clock = TestTime.CreateClock();
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1) });
        using var api = new LifecycleTwinApi(emulator);
        await api.SignInAsync();

        clock.Advance(TimeSpan.FromMinutes(59));
        using var before = await api.GetAsync("api/clientprojects");
        clock.Advance(TimeSpan.FromMinutes(1));
        using var after = await api.GetAsync("api/clientprojects");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("Authorization has been denied for this request.", await LifecycleTwinApi.ErrorMessageAsync(after, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task RevokeAllTokens_AccessAndRefreshTokensStopWorking()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        var token = await api.TokenAsync(await api.PasswordGrantAsync());
        api.AccessToken = (string)token["access_token"]!;
        using var before = await api.GetAsync("api/assets");

        emulator.RevokeAllTokens();
        using var after = await api.GetAsync("api/assets");
        using var refresh = await api.RefreshGrantAsync((string)token["refresh_token"]!);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await LifecycleTwinApi.ErrorMessageAsync(after, HttpStatusCode.Unauthorized);
        await AssertTokenErrorAsync(refresh, "invalid_grant");
        await api.SignInAsync();
        using var again = await api.GetAsync("api/assets");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ExpireAccessTokens_AccessTokenRejectedButRefreshTokenWorks()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        var token = await api.TokenAsync(await api.PasswordGrantAsync());
        api.AccessToken = (string)token["access_token"]!;

        emulator.ExpireAccessTokens();
        using var expired = await api.GetAsync("api/clientprojects");
        var renewed = await api.TokenAsync(await api.RefreshGrantAsync((string)token["refresh_token"]!));
        api.AccessToken = (string)renewed["access_token"]!;
        using var fresh = await api.GetAsync("api/clientprojects");

        await LifecycleTwinApi.ErrorMessageAsync(expired, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Theory]
    [InlineData("Bearer {0}")]
    [InlineData("bearer {0}")]
    [InlineData("{0}")]
    public async Task Authorization_BearerOrBareToken_Accepted(string format)
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        var token = await api.SignInAsync();

        using var response = await api.GetAsync("api/clientprojects", authorization: string.Format(System.Globalization.CultureInfo.InvariantCulture, format, token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AccessToken_FromAnotherEmulator_Returns401()
    {
        await using var one = await LifecycleTwinEmulator.StartAsync();
        await using var two = await LifecycleTwinEmulator.StartAsync();
        using var apiOne = new LifecycleTwinApi(one);
        using var apiTwo = new LifecycleTwinApi(two);
        apiTwo.AccessToken = await apiOne.SignInAsync();

        using var response = await apiTwo.GetAsync("api/clientprojects");

        await LifecycleTwinApi.ErrorMessageAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RequestLog_TokenAndApiRequests_ToStringHidesSecrets()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        using var api = new LifecycleTwinApi(emulator);
        var token = await api.SignInAsync();
        using var response = await api.GetAsync("api/clientprojects?secret=query-secret");

        var printed = string.Join('\n', emulator.Requests.Snapshot().Select(r => r.ToString()));

        Assert.Contains("/api/token", printed, StringComparison.Ordinal);
        Assert.Contains("authorization", printed, StringComparison.Ordinal);
        Assert.Equal(emulator.Password, emulator.Requests.ForPath("/api/token")[0].Body.Split('&').Select(Uri.UnescapeDataString).Single(p => p.StartsWith("password=", StringComparison.Ordinal))["password=".Length..]);
        Assert.DoesNotContain(emulator.Password, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ClientSecret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("query-secret", printed, StringComparison.Ordinal);
    }

    private static async Task AssertTokenErrorAsync(HttpResponseMessage response, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        Assert.Equal(error, (string?)json["error"]);
        Assert.False(string.IsNullOrEmpty((string?)json["error_description"]));
        Assert.DoesNotContain("emulator-password", body, StringComparison.Ordinal);
        Assert.DoesNotContain("emulator-secret", body, StringComparison.Ordinal);
    }
}
