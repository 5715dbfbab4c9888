using System.Net;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.LifecycleTwin;
using Microsoft.Extensions.Time.Testing;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Siemens.LifecycleTwin.Tests.Client;

public sealed class LifecycleTwinAuthTests
{
    [Fact]
    public async Task TokenRequest_MatchesDocumentedForm()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var client = new LifecycleTwinClient(LifecycleTwinFixture.OptionsFor(emulator));

        await client.Sites.GetSitesAsync().ToListAsync();

        var token = Assert.Single(emulator.Requests.ForPath("/api/token"));
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Header("content-type"), StringComparison.Ordinal);
        Assert.Equal(
            $"client_id={emulator.ClientId}&client_secret={emulator.ClientSecret}&username={emulator.Username}&password={emulator.Password}&grant_type=password",
            token.Body);
    }

    [Fact]
    public async Task CallerSuppliedHttpClient_IsUsedAsTransportForEveryAttempt()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        emulator.Faults.Add(DigitalTwin.Sdk.Testing.Faults.Fault.Status(503), pathPrefix: "/api/clientprojects");
        var counting = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var transport = new HttpClient(counting);
        var client = new LifecycleTwinClient(LifecycleTwinFixture.OptionsFor(emulator), transport: transport);

        var sites = await client.Sites.GetSitesAsync().ToListAsync();

        Assert.Equal(emulator.Sites.Count, sites.Count);
        Assert.Equal(3, counting.Count);
    }

    [Fact]
    public async Task ManyConcurrentCalls_ShareOneToken()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var client = new LifecycleTwinClient(LifecycleTwinFixture.OptionsFor(emulator));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86")));

        Assert.Equal(1, emulator.TokensIssued);
    }

    [Fact]
    public async Task TokenNearExpiry_IsRefreshedWithRefreshTokenGrant()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(100), TimeProvider = time });
        var client = new LifecycleTwinClient(LifecycleTwinFixture.OptionsFor(emulator), timeProvider: time);
        await client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86");

        time.Advance(TimeSpan.FromSeconds(95));
        await client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86");
        await WaitUntilAsync(() => emulator.RefreshGrantsIssued == 1, TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(50));
        await client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86");

        Assert.Equal(1, emulator.PasswordGrantsIssued);
        Assert.Equal(1, emulator.RefreshGrantsIssued);
        Assert.Contains("grant_type=refresh_token", emulator.Requests.ForPath("/api/token")[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedTokens_401_RefreshOnceAndRetry()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var client = new LifecycleTwinClient(LifecycleTwinFixture.OptionsFor(emulator));
        await client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86");

        emulator.RevokeAllTokens();
        var sites = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Sites.GetSiteAsync("2f4978fe-ab1c-4d66-be94-2086d0887a86")));

        Assert.All(sites, s => Assert.Equal("Building1", s.Name));
        Assert.Equal(2, emulator.PasswordGrantsIssued + emulator.RefreshGrantsIssued);
    }

    [Fact]
    public async Task WrongPassword_ThrowsAuthenticationExceptionWithoutSecrets()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var options = LifecycleTwinFixture.OptionsFor(emulator);
        options.Password = "wrong-password-value";
        var client = new LifecycleTwinClient(options);

        var ex = await Assert.ThrowsAsync<DigitalTwinAuthenticationException>(() => client.Sites.GetSitesAsync().ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("invalid_grant", ex.ErrorCode);
        Assert.DoesNotContain("wrong-password-value", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.ClientSecret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-value", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongClientName_IsRefused()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync();
        var options = LifecycleTwinFixture.OptionsFor(emulator);
        options.ClientName = "SomeoneElse";
        var client = new LifecycleTwinClient(options);

        var ex = await Assert.ThrowsAnyAsync<DigitalTwinApiException>(() => client.Sites.GetSitesAsync().ToListAsync().AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEverySetting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LifecycleTwinClient(new LifecycleTwinOptions { BaseUrl = new Uri("http://example.com/") }));

        foreach (var key in new[] { "ClientId", "ClientSecret", "Username", "Password", "ClientName", "BaseUrl must use https" })
        {
            Assert.Contains("DigitalTwin:LifecycleTwin:" + key, ex.Message, StringComparison.Ordinal);
        }
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Count { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Count++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
