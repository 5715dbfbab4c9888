using System.Text.Json;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

public sealed class BuildingXClientAuthTests
{
    [Fact]
    public async Task FirstCall_PostsJsonClientCredentialsWithAudience_AndReusesTheToken()
    {
        await using var context = await BuildingXTestContext.StartAsync();

        await context.Client.Account.GetUserGroupsAsync().ToListAsync();
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();
        await context.Client.Devices.GetDevicesAsync(context.Partition).ToListAsync();

        var tokenRequest = Assert.Single(context.Emulator.Requests.ForPath(BuildingXEmulator.TokenPath));
        Assert.Equal("POST", tokenRequest.Method);
        Assert.StartsWith("application/json", tokenRequest.Header("content-type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(tokenRequest.Body);
        Assert.Equal(context.Emulator.ClientId, body.RootElement.GetProperty("client_id").GetString());
        Assert.Equal(context.Emulator.ClientSecret, body.RootElement.GetProperty("client_secret").GetString());
        Assert.Equal("https://horizon.siemens.com", body.RootElement.GetProperty("audience").GetString());
        Assert.Equal("client_credentials", body.RootElement.GetProperty("grant_type").GetString());
        Assert.Equal(1, context.Emulator.TokensIssued);
        Assert.All(context.Emulator.Requests.ForPath(BuildingXEmulator.ApiBasePath), r => Assert.StartsWith("Bearer ey", r.Header("authorization"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongSecret_IsAuthenticationExceptionWithoutTheSecret()
    {
        await using var context = await BuildingXTestContext.StartAsync(configure: o => o.ClientSecret = "not-the-secret-123");

        var error = await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask());

        Assert.DoesNotContain("not-the-secret-123", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(context.Emulator.Requests.ForPath(BuildingXEmulator.ApiBasePath));
    }

    [Fact]
    public async Task WrongAudience_IsAuthenticationException()
    {
        await using var context = await BuildingXTestContext.StartAsync(configure: o => o.Audience = "https://example.com");

        var error = await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task RevokedToken_401_RefreshesOnceAndSucceeds()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();

        context.Emulator.RevokeTokens();
        var me = await context.Client.Account.GetUserGroupsAsync().ToListAsync();

        Assert.Equal("UserGroup", Assert.Single(me).Type);
        Assert.Equal(2, context.Emulator.TokensIssued);
    }

    [Fact]
    public async Task TokenNearExpiresIn_IsRefreshedAhead()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var context = await BuildingXTestContext.StartAsync(new BuildingXEmulatorOptions { TimeProvider = clock }, time: clock);
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();

        clock.Advance(TimeSpan.FromHours(23));
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();
        var afterHours = context.Emulator.TokensIssued;
        clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(55));
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();

        Assert.Equal(1, afterHours);
        Assert.Equal(2, context.Emulator.TokensIssued);
    }

    [Fact]
    public async Task WithoutExpiresIn_ExpiryComesFromTheJwtExpClaim()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulatorOptions = new BuildingXEmulatorOptions { TimeProvider = clock, OmitExpiresIn = true, TokenLifetime = TimeSpan.FromHours(3) };
        await using var context = await BuildingXTestContext.StartAsync(emulatorOptions, time: clock);
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();

        // A client that fell back to the one-hour default would have replaced the token after two hours.
        clock.Advance(TimeSpan.FromHours(2));
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();
        var afterTwoHours = context.Emulator.TokensIssued;
        clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(55));
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();

        Assert.Equal(1, afterTwoHours);
        Assert.Equal(2, context.Emulator.TokensIssued);
    }

    [Fact]
    public void Options_ToStringAndValidation_NeverShowTheSecret()
    {
        var options = new BuildingXOptions { ClientId = "id", ClientSecret = "very-secret-value" };
        var invalid = new BuildingXOptions { ClientId = "id" };

        var error = Assert.Throws<ArgumentException>(() => new BuildingXClient(invalid));

        Assert.DoesNotContain("very-secret-value", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://eu.buildingx.siemens.com/api/openness/operations"), options.BaseUrl);
        Assert.Equal(new Uri("https://siemens-bt-015.eu.auth0.com/oauth/token"), options.TokenUrl);
        Assert.Equal("https://horizon.siemens.com", options.Audience);
    }
}
