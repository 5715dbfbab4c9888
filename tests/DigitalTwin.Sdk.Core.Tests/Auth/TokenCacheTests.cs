using DigitalTwin.Sdk.Core.Auth;
using DigitalTwin.Sdk.Core.Tests.TestUtilities;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Core.Tests.Auth;

public sealed class TokenCacheTests
{
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    [Fact]
    public async Task GetTokenAsync_ThousandConcurrentColdCallers_AcquireExactlyOnce()
    {
        var gate = new TaskCompletionSource();
        var source = new FakeSource(_time, TimeSpan.FromHours(1), gate.Task);
        var cache = new TokenCache(source, _time);

        var callers = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => cache.GetTokenAsync(CancellationToken.None).AsTask())).ToArray();
        await WaitUntilAsync("first acquisition", () => source.Calls == 1, TimeSpan.FromSeconds(20));
        gate.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Equal(1, source.Calls);
        Assert.Equal(1, cache.Acquisitions);
        Assert.All(tokens, t => Assert.Equal("token-1", t.Value));
    }

    [Fact]
    public async Task GetTokenAsync_BeforeRefreshWindow_ReturnsCachedToken()
    {
        var source = new FakeSource(_time, TimeSpan.FromHours(1));
        var cache = new TokenCache(source, _time);
        var first = await cache.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(54));
        var second = await cache.GetTokenAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task GetTokenAsync_InsideRefreshWindow_KeepsOldTokenAndRefreshesOnceInBackground()
    {
        var source = new FakeSource(_time, TimeSpan.FromHours(1));
        var cache = new TokenCache(source, _time);
        var first = await cache.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(56));
        var gate = new TaskCompletionSource();
        source.Gate = gate.Task;
        var during = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.GetTokenAsync(CancellationToken.None).AsTask()));
        Assert.All(during, t => Assert.Same(first, t));
        await WaitUntilAsync("background refresh", () => source.Calls == 2, TimeSpan.FromSeconds(20));
        gate.SetResult();
        await WaitUntilAsync("new token", () => cache.GetTokenAsync(CancellationToken.None).Result.Value == "token-2", TimeSpan.FromSeconds(20));

        Assert.Equal(2, source.Calls);
        Assert.Same(first, source.Previous[1]);
    }

    [Fact]
    public async Task GetTokenAsync_ShortLifetime_RefreshesInLastTenPercent()
    {
        var source = new FakeSource(_time, TimeSpan.FromSeconds(100));
        var cache = new TokenCache(source, _time);
        await cache.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(89));
        await cache.GetTokenAsync(CancellationToken.None);
        Assert.Equal(1, source.Calls);

        _time.Advance(TimeSpan.FromSeconds(2));
        await cache.GetTokenAsync(CancellationToken.None);
        await WaitUntilAsync("refresh in last 10%", () => source.Calls == 2, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task GetTokenAsync_AfterExpiry_WaitsForNewToken()
    {
        var source = new FakeSource(_time, TimeSpan.FromHours(1));
        var cache = new TokenCache(source, _time);
        await cache.GetTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(2));
        var token = await cache.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", token.Value);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task Invalidate_ManyReportsOfSameToken_CauseOneRefresh()
    {
        var source = new FakeSource(_time, TimeSpan.FromHours(1));
        var cache = new TokenCache(source, _time);
        var rejected = await cache.GetTokenAsync(CancellationToken.None);

        var after = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            await Task.Yield();
            cache.Invalidate(rejected);
            return await cache.GetTokenAsync(CancellationToken.None);
        }));

        Assert.Equal(2, source.Calls);
        Assert.All(after, t => Assert.Equal("token-2", t.Value));
    }

    [Fact]
    public async Task Invalidate_StaleToken_IsIgnored()
    {
        var source = new FakeSource(_time, TimeSpan.FromHours(1));
        var cache = new TokenCache(source, _time);
        var old = await cache.GetTokenAsync(CancellationToken.None);
        cache.Invalidate(old);
        var current = await cache.GetTokenAsync(CancellationToken.None);

        cache.Invalidate(old);
        var again = await cache.GetTokenAsync(CancellationToken.None);

        Assert.Same(current, again);
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task Invalidate_PassesRejectedTokenToSourceForRefreshGrant()
    {
        var source = new FakeSource(_time, TimeSpan.FromHours(1));
        var cache = new TokenCache(source, _time);
        var first = await cache.GetTokenAsync(CancellationToken.None);

        cache.Invalidate(first);
        await cache.GetTokenAsync(CancellationToken.None);

        Assert.Null(source.Previous[0]);
        Assert.Same(first, source.Previous[1]);
        Assert.Equal("refresh-1", source.Previous[1]!.RefreshToken);
    }

    [Fact]
    public async Task GetTokenAsync_AfterFailedRefresh_BacksOffThenRetries()
    {
        var source = new FakeSource(_time, TimeSpan.FromHours(1)) { FailNext = 1 };
        var cache = new TokenCache(source, _time, new TokenCacheOptions { FailureBackoff = TimeSpan.FromSeconds(2) });

        await Assert.ThrowsAsync<DigitalTwinException>(() => cache.GetTokenAsync(CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<DigitalTwinException>(() => cache.GetTokenAsync(CancellationToken.None).AsTask());
        Assert.Equal(1, source.Calls);

        _time.Advance(TimeSpan.FromSeconds(3));
        var token = await cache.GetTokenAsync(CancellationToken.None);

        Assert.Equal(2, source.Calls);
        Assert.Equal("token-2", token.Value);
    }

    [Fact]
    public async Task GetTokenAsync_CallerCancels_DoesNotCancelSharedRefresh()
    {
        var gate = new TaskCompletionSource();
        var source = new FakeSource(_time, TimeSpan.FromHours(1), gate.Task);
        var cache = new TokenCache(source, _time);
        using var cts = new CancellationTokenSource();

        var cancelled = cache.GetTokenAsync(cts.Token).AsTask();
        var patient = cache.GetTokenAsync(CancellationToken.None).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.SetResult();

        Assert.Equal("token-1", (await patient).Value);
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public void AccessToken_ToString_HidesValues()
    {
        var token = new AccessToken("secret-access-value", _time.GetUtcNow().AddHours(1), _time.GetUtcNow(), "secret-refresh-value");

        Assert.DoesNotContain("secret", token.ToString(), StringComparison.Ordinal);
    }

    private sealed class FakeSource(TimeProvider time, TimeSpan lifetime, Task? gate = null) : ITokenSource
    {
        private int _calls;

        public Task? Gate { get; set; } = gate;

        public int FailNext { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public List<AccessToken?> Previous { get; } = [];

        public async ValueTask<AccessToken> AcquireTokenAsync(AccessToken? current, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            lock (Previous)
            {
                Previous.Add(current);
            }

            if (Gate is { } g)
            {
                await g;
            }

            if (FailNext > 0)
            {
                FailNext--;
                throw new DigitalTwinException("token endpoint down");
            }

            var now = time.GetUtcNow();
            return new AccessToken($"token-{n}", now + lifetime, now, $"refresh-{n}");
        }
    }
}
