using DigitalTwin.Sdk.Testing.BuildingX;
using Microsoft.Extensions.Time.Testing;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

[Collection(PacingCollection.Name)]
public sealed class BuildingXClientRateLimitTests
{
    [Fact]
    public async Task Burst_200Calls_GetNo429_AndAtLeast9PerSecond()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();
        context.Emulator.Requests.Clear();
        var started = TimeProvider.System.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask()));
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        Assert.True(context.Emulator.RateLimitedCount == 0, $"{context.Emulator.RateLimitedCount} answers were 429 in {elapsed.TotalSeconds:F1} s");
        Assert.Equal(200, context.Emulator.Requests.ForPath(BuildingXEmulator.AccountsBasePath).Count);

        // The pace the service sees: 199 intervals between the first and the last arrival (the last answer's own
        // latency on a busy machine is not the limiter's doing).
        var arrivals = context.Emulator.Requests.ForPath(BuildingXEmulator.AccountsBasePath).Select(r => r.ReceivedAt).Order().ToList();
        var rate = (arrivals.Count - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        var gaps = Enumerable.Range(1, arrivals.Count - 1).Select(i => (Index: i, Gap: arrivals[i] - arrivals[i - 1])).Where(x => x.Gap > TimeSpan.FromMilliseconds(150));
        Assert.True(rate >= 9.0, $"{rate:F2} requests/s at the service, {200 / elapsed.TotalSeconds:F2} requests/s end to end; gaps over 150 ms before arrival #: {string.Join(", ", gaps.Select(x => $"{x.Index} ({x.Gap.TotalMilliseconds:F0} ms)"))}");
    }

    [Fact]
    public async Task TwoClientsOfTheSameApi_ShareOneLimit()
    {
        await using var context = await BuildingXTestContext.StartAsync();
        var second = new BuildingXClient(BuildingXTestContext.OptionsFor(context.Emulator));
        await context.Client.Account.GetUserGroupsAsync().ToListAsync();
        await second.Account.GetUserGroupsAsync().ToListAsync();
        context.Emulator.Requests.Clear();
        var started = TimeProvider.System.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? context.Client : second).Account.GetUserGroupsAsync().ToListAsync().AsTask()));
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        var log = context.Emulator.Requests.Snapshot();
        Assert.True(context.Emulator.RateLimitedCount == 0, string.Join("\n", log.Select(r => $"{r.ReceivedAt:HH:mm:ss.fff} {r.Method} {r.Path}")));
        Assert.True(elapsed >= TimeSpan.FromSeconds(2), $"24 calls took {elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task OperationsAndAccounts_EachHaveTheirOwnQuota()
    {
        // Issue 14, point 10: the service allows 10 requests per second and API. The client paces each API at one
        // permit per 105 ms; with a frozen clock no second permit of the same API is ever granted, so a call to each
        // API can only both finish if the two APIs do not share one limiter.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var context = await BuildingXTestContext.StartAsync(time: clock);
        var device = context.Emulator.StandaloneDeviceIds[0];

        await context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await context.Client.Devices.GetDeviceAsync(context.Partition, device).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(context.Emulator.Requests.ForPath(BuildingXEmulator.AccountsBasePath));
        Assert.Single(context.Emulator.Requests.ForPath(BuildingXEmulator.ApiBasePath));
    }
}
