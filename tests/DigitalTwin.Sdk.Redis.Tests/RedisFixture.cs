using DigitalTwin.Sdk.Testing.Redis;

namespace DigitalTwin.Sdk.Redis.Tests;

/// <summary>One real redis-server for the test run (a free loopback port); a test class that needs its own (to kill
/// it) starts one itself. Starting fails the tests with the reason when redis-server is missing: never a silent skip.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis server did not start.");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
