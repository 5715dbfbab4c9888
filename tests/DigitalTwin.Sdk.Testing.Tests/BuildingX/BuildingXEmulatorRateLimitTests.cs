using System.Net;
using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.Testing.Faults;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Testing.Tests.BuildingX;

public sealed class BuildingXEmulatorRateLimitTests
{
    [Fact]
    public async Task EleventhRequestAtOnce_Is429WithRetryAfter_AndPassesOnceATokenIsRefilled()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { TimeProvider = clock });
        await using var _ = emulator;
        using var __ = client;

        for (var i = 0; i < 10; i++)
        {
            var (ok, _) = await client.GetAsync("me/usergroups");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var (limited, body) = await client.GetAsync("me/usergroups");
        clock.Advance(TimeSpan.FromMilliseconds(99));
        var (stillLimited, _) = await client.GetAsync("me/usergroups");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var (passes, _) = await client.GetAsync("me/usergroups");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter!.Delta);
        Assert.Equal("429", body!["errors"]![0]!["status"]!.GetValue<string>());
        Assert.True(limited.Headers.Contains("X-Request-Id"));
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, passes.StatusCode);
        Assert.Equal(2, emulator.RateLimitedCount);
    }

    [Fact]
    public async Task SustainedTwentyPerSecond_IsRefusedTheExcess()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { TimeProvider = clock });
        await using var _ = emulator;
        using var __ = client;
        var accepted = 0;

        // Two seconds at 20 requests per second: the bucket of 10 plus 10 per second admits 10 + 20 at most.
        for (var i = 0; i < 40; i++)
        {
            var (response, _) = await client.GetAsync("me/usergroups");
            accepted += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        Assert.InRange(accepted, 25, 30);
        Assert.Equal(40 - accepted, emulator.RateLimitedCount);
    }

    [Fact]
    public async Task TokenEndpoint_IsNotCountedAgainstTheApiLimit()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, client) = await BuildingXTestClient.StartAsync(new BuildingXEmulatorOptions { TimeProvider = clock, RequestsPerSecond = 2 });
        await using var _ = emulator;
        using var __ = client;

        for (var i = 0; i < 5; i++)
        {
            await client.AuthenticateAsync();
        }

        var (first, _) = await client.GetAsync("me/usergroups");
        var (second, _) = await client.GetAsync("me/usergroups");
        var (third, _) = await client.GetAsync("me/usergroups");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }

    [Fact]
    public async Task InjectedFault_IsAnsweredInsteadOfTheApi()
    {
        var (emulator, client) = await BuildingXTestClient.StartAsync();
        await using var _ = emulator;
        using var __ = client;
        emulator.Faults.Add(Fault.MalformedJson(), pathPrefix: BuildingXEmulator.AccountsBasePath + "/me/customers");

        using var response = await client.Http.GetAsync(client.Url("me/customers"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(text));
    }
}
