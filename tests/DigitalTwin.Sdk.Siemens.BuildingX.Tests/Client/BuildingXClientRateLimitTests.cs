using DigitalTwin.Sdk.Testing.BuildingX;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Siemens.BuildingX.Tests.Client;

public sealed class BuildingXClientRateLimitTests
{
    [Fact]
    public async Task Burst_200Calls_GetNo429_AndAtLeast9PerSecond()
    {
        // Client and emulator share one fake clock; the emulator answers 429 above 10 requests per second.
        var time = new TrackingFakeTimeProvider();
        await using var context = await BuildingXTestContext.StartAsync(new BuildingXEmulatorOptions { TimeProvider = time }, time: time);
        await context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(2));
        context.Emulator.Requests.Clear();

        var calls = Task.WhenAll(Enumerable.Range(0, 200).Select(_ => context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask()));
        await ReleaseEachPacedRequestAsync(time, context.Emulator, 200);
        await calls.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, context.Emulator.RateLimitedCount);
        var arrivals = context.Emulator.Requests.ForPath(BuildingXEmulator.AccountsBasePath).Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(200, arrivals.Count);

        // The pace the service sees on the shared clock: 199 intervals between the first and the last arrival.
        var rate = (arrivals.Count - 1) / (arrivals[^1] - arrivals[0]).TotalSeconds;
        Assert.True(rate >= 9.0, $"{rate:F2} requests/s at the service");
    }

    [Fact]
    public async Task TwoClientsOfTheSameApi_ShareOneLimit()
    {
        var time = new TrackingFakeTimeProvider();
        await using var context = await BuildingXTestContext.StartAsync(new BuildingXEmulatorOptions { TimeProvider = time }, time: time);
        var second = new BuildingXClient(BuildingXTestContext.OptionsFor(context.Emulator), timeProvider: time);
        await context.Client.Account.GetUserGroupsAsync().ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(2));
        await second.Account.GetUserGroupsAsync().ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(2));
        context.Emulator.Requests.Clear();

        var calls = Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? context.Client : second).Account.GetUserGroupsAsync().ToListAsync().AsTask()));

        // One limiter for both clients: one request at a time per slot; two limiters would let both clients' first
        // requests through at once, and the emulator on the same clock would count more than 10 in a second.
        await ReleaseEachPacedRequestAsync(time, context.Emulator, 24);
        await calls.WaitAsync(TimeSpan.FromSeconds(30));

        var arrivals = context.Emulator.Requests.ForPath(BuildingXEmulator.AccountsBasePath).Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(0, context.Emulator.RateLimitedCount);
        Assert.Equal(24, arrivals.Count);
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromSeconds(2), $"24 calls spread over {(arrivals[^1] - arrivals[0]).TotalSeconds:F2} s");
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

    /// <summary>
    /// The clock stands still between pacing slots: exactly one request has reached the emulator per slot so far, and
    /// the next one waits on the limiter's timer, the earliest pending one (retry and timeout timers are seconds away).
    /// Advances to that timer until <paramref name="requests"/> requests have arrived.
    /// </summary>
    private static async Task ReleaseEachPacedRequestAsync(TrackingFakeTimeProvider time, BuildingXEmulator emulator, int requests)
    {
        for (var arrived = 1; arrived <= requests; arrived++)
        {
            if (arrived > 1)
            {
                await WaitUntilAsync("the limiter's next slot is armed", () => time.PendingDueTimes.Count > 0, TimeSpan.FromSeconds(20));
                time.Advance(time.PendingDueTimes[0] - time.GetUtcNow());
            }

            var expected = arrived;
            await WaitUntilAsync($"request {expected} arrived", () => emulator.Requests.ForPath(BuildingXEmulator.AccountsBasePath).Count >= expected, TimeSpan.FromSeconds(20));
            Assert.Equal(expected, emulator.Requests.ForPath(BuildingXEmulator.AccountsBasePath).Count);
        }
    }
}
