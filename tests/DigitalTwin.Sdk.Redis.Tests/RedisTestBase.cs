using StackExchange.Redis;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>What the tests on the shared server have in common: an observer connection that reads Redis directly, and
/// the factories and stores a test creates, disposed after it.</summary>
public abstract class RedisTestBase(RedisFixture redis) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    protected RedisFixture Redis => redis;

    protected ConnectionMultiplexer Observer { get; private set; } = null!;

    public async Task InitializeAsync() => Observer = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await Observer.DisposeAsync();
    }

    /// <summary>Options on the shared server with a generous command timeout: these tests are about sharing, not the
    /// fallback (a first connection on a loaded machine can take longer than the default half second).</summary>
    protected RedisScaleOutOptions Options(Action<RedisScaleOutOptions>? configure)
    {
        var options = new RedisScaleOutOptions { Configuration = redis.Server.Configuration, OperationTimeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Disposes <paramref name="owned"/> after the test.</summary>
    protected T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}
