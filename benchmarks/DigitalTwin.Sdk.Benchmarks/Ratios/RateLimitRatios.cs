using System.Diagnostics;
using DigitalTwin.Sdk.Siemens.BuildingX;
using DigitalTwin.Sdk.Testing.BuildingX;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>Ratio 6: 200 concurrent Building X requests against an emulator that allows 10 requests per second.</summary>
public static class RateLimitRatios
{
    /// <summary>Requests sent.</summary>
    public const int Requests = 200;

    /// <summary>Measures <c>ratelimit_429s</c> and <c>ratelimit_rate</c>.</summary>
    /// <returns>The results.</returns>
    public static async Task<IReadOnlyList<RatioResult>> MeasureAsync()
    {
        await using var emulator = await BuildingXEmulator.StartAsync(new BuildingXEmulatorOptions { RequestsPerSecond = 10 }).ConfigureAwait(false);
        var options = new BuildingXOptions
        {
            BaseUrl = emulator.ApiBaseUri,
            AccountsBaseUrl = emulator.AccountsBaseUri,
            TokenUrl = emulator.TokenUri,
            ClientId = emulator.ClientId,
            ClientSecret = emulator.ClientSecret,
            Audience = emulator.Audience,
            PartitionId = emulator.DocumentedPartitionId,
        };
        var client = new BuildingXClient(options);
        var partition = emulator.DocumentedPartitionId;

        // Let the emulator's window empty after start-up traffic, then send all requests at once.
        await Task.Delay(TimeSpan.FromSeconds(1.2)).ConfigureAwait(false);
        var before = emulator.RateLimitedCount;
        var started = Stopwatch.GetTimestamp();
        var calls = Enumerable.Range(0, Requests).Select(_ => client.Devices.GetDeviceAsync(partition, emulator.StandaloneDeviceIds[0])).ToArray();
        await Task.WhenAll(calls).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rejected = emulator.RateLimitedCount - before;
        return
        [
            new RatioResult("ratelimit_429s", rejected, "=", 0, $"{Requests} concurrent GetDeviceAsync calls against a 10 req/s emulator: {rejected} answered 429 (counted by the emulator, retries included)"),
            new RatioResult("ratelimit_rate", Requests / seconds, ">=", 9.0, $"{Requests} requests completed in {seconds:0.00} s"),
        ];
    }
}
