using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Pipeline;
using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

/// <summary>A host app's own <see cref="ITokenProvider"/> replaces the client-credentials grant (constructor and DI).</summary>
public sealed class BuildingXClientCredentialTests
{
    [Fact]
    public async Task Constructor_WithCredential_SendsItsTokenAndNeverCallsTheTokenEndpoint()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var vault = await VaultCredential.IssueAsync(emulator);
        var issuedBefore = emulator.TokensIssued;
        using var client = new BuildingXClient(BuildingXTestContext.OptionsFor(emulator), credential: vault);

        var groups = await client.Account.GetUserGroupsAsync().ToListAsync();

        Assert.Equal("UserGroup", Assert.Single(groups).Type);
        Assert.True(vault.Calls > 0);
        Assert.Equal(issuedBefore, emulator.TokensIssued);
    }

    [Fact]
    public async Task Constructor_WithUnknownCredentialToken_FailsAuthenticationInsteadOfUsingTheGrant()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var vault = new VaultCredential("not-a-token-of-this-service");
        using var client = new BuildingXClient(BuildingXTestContext.OptionsFor(emulator), credential: vault);

        await Assert.ThrowsAsync<Core.DigitalTwinAuthenticationException>(() => client.Account.GetUserGroupsAsync().ToListAsync().AsTask());

        Assert.Equal(0, emulator.TokensIssued);
        Assert.True(vault.Invalidated > 0);
    }

    [Fact]
    public async Task AddBuildingX_UseCredential_SendsTheHostAppsToken()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var vault = await VaultCredential.IssueAsync(emulator);
        var issuedBefore = emulator.TokensIssued;
        var services = new ServiceCollection();
        services.AddBuildingX(o => Copy(BuildingXTestContext.OptionsFor(emulator), o)).UseCredential(_ => vault);
        await using var provider = services.BuildServiceProvider();

        var groups = await provider.GetRequiredService<IBuildingXClient>().Account.GetUserGroupsAsync().ToListAsync();

        Assert.Equal("UserGroup", Assert.Single(groups).Type);
        Assert.True(vault.Calls > 0);
        Assert.Equal(issuedBefore, emulator.TokensIssued);
    }

    [Fact]
    public async Task Dispose_StandaloneClient_StopsItsPipelineAndIsIdempotent()
    {
        await using var emulator = await BuildingXEmulator.StartAsync();
        var client = new BuildingXClient(BuildingXTestContext.OptionsFor(emulator));
        Assert.Single(await client.Account.GetUserGroupsAsync().ToListAsync());

        client.Dispose();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Account.GetUserGroupsAsync().ToListAsync().AsTask());
    }

    private static void Copy(BuildingXOptions from, BuildingXOptions to)
    {
        to.BaseUrl = from.BaseUrl;
        to.AccountsBaseUrl = from.AccountsBaseUrl;
        to.TokenUrl = from.TokenUrl;
        to.ClientId = from.ClientId;
        to.ClientSecret = from.ClientSecret;
        to.Audience = from.Audience;
    }

    /// <summary>Stands for a host app's vault: hands out one token it got elsewhere and counts what the SDK asks of it.</summary>
    private sealed class VaultCredential(string token) : ITokenProvider
    {
        private int _calls;
        private int _invalidated;

        public int Calls => Volatile.Read(ref _calls);

        public int Invalidated => Volatile.Read(ref _invalidated);

        public static async Task<VaultCredential> IssueAsync(BuildingXEmulator emulator)
        {
            using var http = new HttpClient();
            using var response = await http.PostAsJsonAsync(emulator.TokenUri, new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = emulator.ClientId,
                ["client_secret"] = emulator.ClientSecret,
                ["audience"] = emulator.Audience,
            });
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return new VaultCredential(body.RootElement.GetProperty("access_token").GetString()!);
        }

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var now = DateTimeOffset.UtcNow;
            return ValueTask.FromResult(new AccessToken(token, now.AddHours(1), now));
        }

        public void Invalidate(AccessToken token) => Interlocked.Increment(ref _invalidated);
    }
}
