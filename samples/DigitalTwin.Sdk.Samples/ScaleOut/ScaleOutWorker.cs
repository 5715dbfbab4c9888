using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Sdk.Autodesk.Tandem;
using DigitalTwin.Sdk.Autodesk.Tandem.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Core.RateLimiting;
using DigitalTwin.Sdk.Redis;
using DigitalTwin.Sdk.Siemens.BuildingX;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Sdk.Samples.ScaleOut;

/// <summary>
/// One worker process of the <c>scale-out</c> sample: a host app's replica with its own DI container, sharing the
/// vendor credential (from <c>DigitalTwin__BuildingX__*</c> or <c>DigitalTwin__Tandem__*</c>), the quota and the tokens in
/// Redis with the other workers (encrypted with the AES key in <c>ScaleOut__TokenKey</c>, base64, when set). It makes <c>calls</c> Building X reads or Tandem stream ingests, <c>concurrency</c> at a
/// time, and reports on standard output, one line per event:
/// <c>READY</c>, <c>DONE-ONE &lt;ok&gt; &lt;failed&gt;</c> after every call, <c>FINISHED &lt;ok&gt; &lt;failed&gt; &lt;seconds&gt;</c>,
/// and <c>ERROR &lt;type&gt;: &lt;message&gt;</c> for each failed call.
/// </summary>
internal static class ScaleOutWorker
{
    /// <summary>
    /// Runs the worker: <paramref name="vendor"/> is <c>building-x</c> (reads), <c>tandem</c> (stream ingests to one
    /// model) or <c>tandem-3legged</c> (twin reads on one signed-in user's three-legged session, named by
    /// <c>DigitalTwin__Tandem__SessionId</c> and seeded in Redis beforehand). Each of the <paramref name="concurrency"/>
    /// lanes waits <paramref name="interval"/> after each of its calls.
    /// </summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string vendor, string redis, int instances, int calls, int concurrency, TimeSpan interval, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        Func<IServiceProvider, int, CancellationToken, Task> call = vendor switch
        {
            "building-x" => BuildingXRead(services, configuration),
            "tandem" => TandemIngest(services, configuration),
            "tandem-3legged" => TandemThreeLeggedRead(services, configuration),
            _ => throw new ArgumentException($"Unknown scale-out vendor '{vendor}': building-x, tandem or tandem-3legged.", nameof(vendor)),
        };
        services.AddLogging(b => b.AddProvider(new StderrLoggerProvider()));
        var tokenKey = configuration["ScaleOut:TokenKey"];
        services.UseRedis(o =>
        {
            o.Configuration = redis;
            o.InstanceCount = instances;
            o.OperationTimeout = TimeSpan.FromSeconds(2);
            o.TokenEncryptionKey = tokenKey is null ? null : Convert.FromBase64String(tokenKey);
        });
        await using var provider = services.BuildServiceProvider();
        if (provider.GetRequiredService<IRateLimiterFactory>() is RedisRateLimiterFactory factory)
        {
            // Connect before the first call, so it does not take the local fallback while the connection is made.
            await factory.ConnectAsync(cancellationToken);
        }

        Console.WriteLine("READY");
        var ok = 0;
        var failed = 0;
        var next = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) <= calls)
            {
                try
                {
                    await call(provider, number, cancellationToken);
                    Interlocked.Increment(ref ok);
                }
                catch (DigitalTwinException ex)
                {
                    Interlocked.Increment(ref failed);
                    Console.WriteLine($"ERROR {ex.GetType().Name}: {ex.Message}");
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DONE-ONE {Volatile.Read(ref ok)} {Volatile.Read(ref failed)}"));
                if (interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, cancellationToken);
                }
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FINISHED {ok} {failed} {seconds:0.000}"));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One request: the first page of the partition's locations.</summary>
    private static Func<IServiceProvider, int, CancellationToken, Task> BuildingXRead(IServiceCollection services, IConfiguration configuration)
    {
        services.AddBuildingX(configuration.GetSection(BuildingXOptions.SectionName));
        var partition = configuration[$"{BuildingXOptions.SectionName}:PartitionId"] ?? throw new InvalidOperationException("DigitalTwin__BuildingX__PartitionId is not set.");
        return async (provider, _, cancellationToken) =>
        {
            await foreach (var page in provider.GetRequiredService<IBuildingXClient>().Locations.GetLocationsAsync(partition, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }
        };
    }

    /// <summary>One read of the configured twin (<c>DigitalTwin__Tandem__TwinId</c>) with the shared three-legged session.</summary>
    private static Func<IServiceProvider, int, CancellationToken, Task> TandemThreeLeggedRead(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTandem(configuration.GetSection(TandemOptions.SectionName));
        var twin = TwinUrn.Parse(configuration[$"{TandemOptions.SectionName}:TwinId"] ?? throw new InvalidOperationException("DigitalTwin__Tandem__TwinId is not set."));
        return (provider, _, cancellationToken) => provider.GetRequiredService<ITandemClient>().Twins.GetTwinAsync(twin, cancellationToken);
    }

    /// <summary>One stream ingest to the shared model (Tandem allows one per second per model).</summary>
    private static Func<IServiceProvider, int, CancellationToken, Task> TandemIngest(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTandem(configuration.GetSection(TandemOptions.SectionName));
        var model = ModelUrn.Parse(configuration["ScaleOut:TandemModel"] ?? throw new InvalidOperationException("ScaleOut__TandemModel is not set."));
        var stream = ElementKey.Parse(configuration["ScaleOut:TandemStream"] ?? throw new InvalidOperationException("ScaleOut__TandemStream is not set."));
        var worker = Environment.ProcessId;
        return (provider, number, cancellationToken) =>
        {
            // A distinct time per worker and call, so every reading is stored.
            var at = DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds((worker % 100_000 * 10_000) + number);
            return provider.GetRequiredService<ITandemClient>().Streams.SendReadingsAsync(
                model,
                [new StreamIngestItem(stream, new Dictionary<string, double>(StringComparer.Ordinal) { ["Temperature"] = 20 + (number % 10) }, at)],
                cancellationToken);
        };
    }
}
