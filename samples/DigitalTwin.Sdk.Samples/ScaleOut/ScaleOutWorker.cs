using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Redis;
using DigitalTwin.Sdk.Siemens.BuildingX;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>
/// One worker process of the <c>scale-out</c> sample: a host app's replica with its own DI container, sharing the
/// Building X credential (from <c>DigitalTwin__BuildingX__*</c>) and the quota in Redis with the other workers. It makes
/// <c>calls</c> reads, <c>concurrency</c> at a time, and reports on standard output, one line per event:
/// <c>READY</c>, <c>DONE-ONE &lt;ok&gt; &lt;failed&gt;</c> after every call, <c>FINISHED &lt;ok&gt; &lt;failed&gt; &lt;seconds&gt;</c>,
/// and <c>ERROR &lt;type&gt;: &lt;message&gt;</c> for each failed call.
/// </summary>
internal static class ScaleOutWorker
{
    public static async Task<int> RunAsync(IConfiguration configuration, string redis, int instances, int calls, int concurrency, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddBuildingX(configuration.GetSection(BuildingXOptions.SectionName));
        services.UseRedis(o =>
        {
            o.Configuration = redis;
            o.InstanceCount = instances;
            o.OperationTimeout = TimeSpan.FromSeconds(2);
        });
        await using var provider = services.BuildServiceProvider();
        if (provider.GetRequiredService<IRateLimiterFactory>() is RedisRateLimiterFactory factory)
        {
            // Connect before the first call, so it does not take the local fallback while the connection is made.
            await factory.ConnectAsync(cancellationToken);
        }

        var client = provider.GetRequiredService<IBuildingXClient>();
        var partition = configuration[$"{BuildingXOptions.SectionName}:PartitionId"] ?? throw new InvalidOperationException("DigitalTwin__BuildingX__PartitionId is not set.");
        Console.WriteLine("READY");
        var ok = 0;
        var failed = 0;
        var next = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= calls)
            {
                try
                {
                    // One request: the first page of the partition's locations.
                    await foreach (var page in client.Locations.GetLocationsAsync(partition, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
                    {
                        break;
                    }

                    Interlocked.Increment(ref ok);
                }
                catch (DigitalTwinException ex)
                {
                    Interlocked.Increment(ref failed);
                    Console.WriteLine($"ERROR {ex.GetType().Name}: {ex.Message}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DONE-ONE {Volatile.Read(ref ok)} {Volatile.Read(ref failed)}"));
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FINISHED {ok} {failed} {seconds:0.000}"));
        return failed == 0 ? 0 : 1;
    }
}
