using System.Diagnostics;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.Telemetry;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Native AOT sample: reads DigitalTwin__LifecycleTwin__* from the environment, registers the SDK with
// AddDigitalTwinSdk, lists sites and walks every asset page. Exit code 0 only if sites and assets came back.
// With DigitalTwin__Redis set (a StackExchange.Redis configuration string, e.g. 127.0.0.1:6379) the quota and the
// token are kept in that Redis (DigitalTwin.Sdk.Redis), and the run fails unless the token really went through it.
// CI points it at the emulator of `dotnet run --project samples/DigitalTwin.Sdk.Samples -- serve` and a redis-server.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var requests = 0;
using var listener = new ActivityListener
{
    ShouldListenTo = source => source.Name == DigitalTwinTelemetry.SourceName,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    ActivityStopped = _ => Interlocked.Increment(ref requests),
};
ActivitySource.AddActivityListener(listener);

var services = new ServiceCollection();
try
{
    services.AddDigitalTwinSdk(configuration);
    if (configuration["DigitalTwin:Redis"] is { Length: > 0 } redis)
    {
        services.UseRedis(o =>
        {
            o.Configuration = redis;
            o.KeyPrefix = $"dtsdk-aot-{Environment.ProcessId}:";
        });
    }
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
await using var provider = services.BuildServiceProvider();
try
{
    var client = provider.GetRequiredService<ILifecycleTwinClient>();
    var sites = 0;
    await foreach (var site in client.Sites.GetSitesAsync(LifecycleTwinQuery.Empty.WithSelection(Selection.Of("Id", "Name")), timeout.Token))
    {
        sites++;
        Console.WriteLine($"site {site.Id} {site.Name}");
    }

    int pages = 0, assets = 0;
    await foreach (var page in client.Assets.GetAssetsAsync(cancellationToken: timeout.Token).AsPages(pageSizeHint: 250).WithCancellation(timeout.Token))
    {
        pages++;
        assets += page.Values.Count;
    }

    var mode = System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT (trimmed or not)" : "Native AOT";
    Console.WriteLine($"{mode}: {sites} site(s), {assets} asset(s) in {pages} page(s), {requests} SDK request activities.");
    var shared = true;
    if (configuration["DigitalTwin:Redis"] is { Length: > 0 } redisConfiguration)
    {
        // The token must really have gone through Redis: a run that fell back to the local cache would prove nothing.
        var keys = 0;
        try
        {
            await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redisConfiguration);
            foreach (var endpoint in redis.GetEndPoints())
            {
                await foreach (var key in redis.GetServer(endpoint).KeysAsync(pattern: $"dtsdk-aot-{Environment.ProcessId}:*"))
                {
                    keys++;
                    Console.WriteLine($"Redis key {key}");
                }
            }
        }
        catch (StackExchange.Redis.RedisException ex)
        {
            Console.Error.WriteLine($"Redis is unreachable ({ex.GetType().Name}); the calls above used the local fallback.");
        }

        shared = keys > 0;
        Console.WriteLine(shared ? $"Redis: {keys} shared key(s) written." : "Redis: nothing was written; the SDK fell back to its local caches.");
    }

    return sites > 0 && assets > 0 && requests > 0 && shared ? 0 : 1;
}
catch (Exception ex) when (ex is DigitalTwinException or OptionsValidationException or OperationCanceledException)
{
    Console.Error.WriteLine($"failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
