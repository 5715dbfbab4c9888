using System.Threading.RateLimiting;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Testing.Redis;
using Microsoft.Extensions.Logging;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>Redis unreachable, killed and restarted: calls go on with the local fallback and come back to Redis.</summary>
public sealed class RedisFallbackTests
{
    [Fact]
    public async Task Unreachable_CallsGoOnLocallyWithTheQuotaDividedByTheInstances_LoggedOnce()
    {
        var logger = new CapturingLogger();
        var closedPort = await ClosedPortAsync();
        await using var factory = new RedisRateLimiterFactory(
            new RedisScaleOutOptions { Configuration = closedPort, InstanceCount = 4, OperationTimeout = TimeSpan.FromMilliseconds(300), RetryInterval = TimeSpan.FromMinutes(5) },
            logger);

        // 8 per second shared by 4 instances: 8 per 4 seconds here, paced one per half second.
        using var limiter = factory.Create(new RateLimitQuota("bx|fallback|" + Guid.NewGuid(), RateLimitKind.SlidingWindow, 8, TimeSpan.FromSeconds(1)), TimeProvider.System);
        using var first = await limiter.AcquireAsync().AsTask().WaitAsync(DefaultTimeout);
        Assert.True(first.IsAcquired);
        var second = limiter.AttemptAcquire();
        var third = await limiter.AcquireAsync(0);

        Assert.False(second.IsAcquired);
        Assert.True(third.IsAcquired);
        Assert.Single(logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("unreachable", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Message.Contains(closedPort, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KilledAndRestarted_EveryCallCompletes_AndRedisIsUsedAgain()
    {
        var logger = new CapturingLogger();
        await using var server = await RedisServer.StartAsync();
        await using var factory = new RedisRateLimiterFactory(
            new RedisScaleOutOptions { Configuration = server.Configuration, OperationTimeout = TimeSpan.FromSeconds(1), RetryInterval = TimeSpan.FromMilliseconds(200) },
            logger);
        await factory.ConnectAsync().WaitAsync(DefaultTimeout);
        using var limiter = factory.Create(new RateLimitQuota("bx|restart|" + Guid.NewGuid(), RateLimitKind.TokenBucket, 200, TimeSpan.FromSeconds(1)) { Burst = 5 }, TimeProvider.System);

        await AcquireAllAsync(limiter, 20);
        Assert.DoesNotContain(logger.Lines, l => l.Level == LogLevel.Warning);

        server.Kill();
        await AcquireAllAsync(limiter, 20);
        Assert.Single(logger.Lines, l => l.Message.Contains("unreachable", StringComparison.Ordinal));

        await server.RestartAsync();
        // The fallback serves every call meanwhile; the first call after the retry interval finds Redis again.
        for (var calls = 0; !logger.Lines.Any(l => l.Message.Contains("answers again", StringComparison.Ordinal)); calls++)
        {
            Assert.True(calls < 5_000, "the limiter did not use Redis again after its restart");
            await AcquireAllAsync(limiter, 1);
        }

        await AcquireAllAsync(limiter, 20);
        Assert.Single(logger.Lines, l => l.Message.Contains("unreachable", StringComparison.Ordinal));
    }

    private static async Task AcquireAllAsync(RateLimiter limiter, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var lease = await limiter.AcquireAsync().AsTask().WaitAsync(DefaultTimeout);
            Assert.True(lease.IsAcquired);
        }
    }

    private static async Task<string> ClosedPortAsync()
    {
        await using var server = await RedisServer.StartAsync();
        return server.Configuration;
    }
}
