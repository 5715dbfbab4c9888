using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Sdk.Benchmarks.Infrastructure;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Siemens.LifecycleTwin;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using DigitalTwin.Sdk.Testing.LifecycleTwin;

namespace DigitalTwin.Sdk.Benchmarks.Ratios;

/// <summary>
/// Scale mode, cost per unit as the load grows: per-notification cost with many live subscriptions on one socket, and
/// per-request time with many concurrent REST calls. Each size is measured in the same rounds (order alternating), and
/// the ratio is the median of the per-round ratios largest ÷ smallest.
/// </summary>
public static class ScaleCostRatios
{
    /// <summary>Budget of <c>subscriptions_scale</c>.</summary>
    public const double SubscriptionsBudget = 1.5;

    /// <summary>Budget of <c>rest_concurrency_scale</c>.</summary>
    public const double ConcurrencyBudget = 1.3;

    /// <summary>Live subscriptions on one socket (the first and last give <c>subscriptions_scale</c>).</summary>
    public static readonly long[] SubscriptionCounts = [1, 10, 100, 1_000];

    /// <summary>Concurrent GETs (the first and last give <c>rest_concurrency_scale</c>).</summary>
    public static readonly long[] Concurrencies = [16, 64, 256];

    private const int Rounds = 7;
    private const int Burst = 1_000;
    private const int Notifications = 50_000;
    private const int Requests = 4_096;

    /// <summary>Measures <c>subscriptions_scale</c>.</summary>
    /// <returns>The result.</returns>
    public static async Task<IReadOnlyList<RatioResult>> SubscriptionsAsync()
    {
        var sockets = new List<SubscribedSocket>();
        try
        {
            foreach (var count in SubscriptionCounts)
            {
                sockets.Add(await SubscribedSocket.OpenAsync((int)count).ConfigureAwait(false));
            }

            var (ratio, perSize) = await CostAsync(sockets.Select(s => (Func<Task<double>>)(() => s.DeliverAsync(Notifications))).ToArray(), maxWarmUp: 12).ConfigureAwait(false);
            var micro = perSize.Select(s => s / Notifications * 1e6).ToArray();
            PerformanceChart.RecordCurve(new GrowthCurve("subscriptions_scale", "live subscriptions on one socket", SubscriptionCounts, micro, "µs per delivered notification"));
            var points = string.Join(", ", SubscriptionCounts.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{c:N0}: {micro[i]:0.00} us")));
            return [new RatioResult("subscriptions_scale", ratio, "<=", SubscriptionsBudget, $"{Notifications:N0} subscribeData notifications per round through one ITwinIoTSocketClient (in-memory transport), in bursts of {Burst:N0} spread evenly over the live subscriptions, each counted by its own subscriber; wall time per delivered notification, median of {Rounds} interleaved rounds: {points}")];
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Measures <c>rest_concurrency_scale</c>.</summary>
    /// <returns>The result.</returns>
    public static async Task<IReadOnlyList<RatioResult>> RestConcurrencyAsync()
    {
        await using var emulator = await LifecycleTwinEmulator.StartAsync(new LifecycleTwinEmulatorOptions { AssetCount = 64 }).ConfigureAwait(false);
        var sdk = new LifecycleTwinClient(LifecycleTwinSetup.Options(emulator.BaseUri, emulator.ProjectId));
        var ids = emulator.Assets.Select(a => a.Id).ToArray();

        async Task<double> BatchAsync(int concurrency)
        {
            var perWorker = Requests / concurrency;
            var started = Stopwatch.GetTimestamp();
            var workers = new Task[concurrency];
            for (var w = 0; w < concurrency; w++)
            {
                var worker = w;
                workers[w] = Task.Run(async () =>
                {
                    for (var i = 0; i < perWorker; i++)
                    {
                        await sdk.Assets.GetAssetAsync(ids[(worker + i) % ids.Length]).ConfigureAwait(false);
                    }
                });
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        var (ratio, perSize) = await CostAsync(Concurrencies.Select(c => (Func<Task<double>>)(() => BatchAsync((int)c))).ToArray(), maxWarmUp: 8).ConfigureAwait(false);
        var micro = perSize.Select(s => s / Requests * 1e6).ToArray();
        PerformanceChart.RecordCurve(new GrowthCurve("rest_concurrency_scale", "concurrent GETs", Concurrencies, micro, "µs per request (elapsed ÷ requests)"));
        var points = string.Join(", ", Concurrencies.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{c}: {micro[i]:0.0} us")));
        return [new RatioResult("rest_concurrency_scale", ratio, "<=", ConcurrencyBudget, $"{Requests:N0} LifecycleTwinClient.Assets.GetAssetAsync per round against the Lifecycle Twin emulator over loopback (SDK default transport), split over N concurrent callers; elapsed ÷ requests, median of {Rounds} interleaved rounds: {points}")];
    }

    /// <summary>
    /// Warms the smallest and largest size up (until both are steady), then runs <see cref="Rounds"/> rounds of every
    /// size (order alternating each round).
    /// </summary>
    /// <returns>The median of the per-round ratios largest ÷ smallest, and each size's median seconds.</returns>
    private static async Task<(double Ratio, double[] MedianSeconds)> CostAsync(Func<Task<double>>[] sizes, int maxWarmUp)
    {
        await Stats.WarmUpAsync(sizes[^1], sizes[0], maxWarmUp).ConfigureAwait(false);
        var seconds = sizes.Select(_ => new List<double>()).ToArray();
        var ratios = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var measured = new double[sizes.Length];
            for (var k = 0; k < sizes.Length; k++)
            {
                var i = round % 2 == 0 ? k : sizes.Length - 1 - k;
                measured[i] = await sizes[i]().ConfigureAwait(false);
                seconds[i].Add(measured[i]);
            }

            ratios.Add(measured[^1] / measured[0]);
        }

        return (Math.Round(Stats.Median(ratios), 3), seconds.Select(Stats.Median).ToArray());
    }

    /// <summary>One socket client with a number of live data subscriptions, each consumed by its own subscriber.</summary>
    private sealed class SubscribedSocket : IAsyncDisposable
    {
        private readonly ITwinIoTSocketClient _client;
        private readonly SubscriptionRpcTransport _transport;
        private readonly List<ITwinIoTSubscription<SensorObservation>> _subscriptions = [];
        private readonly List<Task> _subscribers = [];
        private readonly CancellationTokenSource _stop = new();
        private byte[][] _frames = [];
        private long _delivered;
        private long _target;
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private SubscribedSocket(ITwinIoTSocketClient client, SubscriptionRpcTransport transport)
        {
            _client = client;
            _transport = transport;
        }

        public static async Task<SubscribedSocket> OpenAsync(int count)
        {
            var transport = new SubscriptionRpcTransport();
            var client = new ITwinIoTSocketClient(new ITwinIoTSocketOptions
            {
                WebSocketUrl = new Uri("ws://127.0.0.1:9/"),
                ApiKey = "in-memory",
                KeepAliveInterval = Timeout.InfiniteTimeSpan,
                TransportFactory = _ => ValueTask.FromResult<DigitalTwin.Sdk.Core.JsonRpc.IJsonRpcTransport>(transport),
            });
            var socket = new SubscribedSocket(client, transport);
            for (var i = 0; i < count; i++)
            {
                var subscription = await client.SubscribeDataAsync(new DataSubscriptionRequest([ITwinIoTEmulator.TiltSensorId], "ax", "deg")).ConfigureAwait(false);
                socket._subscriptions.Add(subscription);
                socket._subscribers.Add(socket.ConsumeAsync(subscription));
            }

            var ids = transport.SubscriptionIds;
            if (ids.Count != count)
            {
                throw new InvalidOperationException($"The transport saw {ids.Count} subscriptions instead of {count}.");
            }

            socket._frames = [.. ids.Select(id => SubscriptionRpcTransport.Notification(id, ITwinIoTEmulator.TiltSensorId))];
            return socket;
        }

        /// <summary>Publishes <paramref name="notifications"/> notifications in bursts spread evenly over the subscriptions.</summary>
        /// <returns>Elapsed seconds until every subscriber had its share.</returns>
        public async Task<double> DeliverAsync(int notifications)
        {
            var started = Stopwatch.GetTimestamp();
            var next = 0;
            for (var sent = 0; sent < notifications; sent += Burst)
            {
                _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _target, Interlocked.Read(ref _delivered) + Burst);
                for (var i = 0; i < Burst; i++)
                {
                    _transport.Publish(_frames[next]);
                    next = next + 1 == _frames.Length ? 0 : next + 1;
                }

                await _reached.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            }

            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            foreach (var subscriber in _subscribers)
            {
                try
                {
                    await subscriber.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            await _client.DisposeAsync().ConfigureAwait(false);
            _stop.Dispose();
        }

        private async Task ConsumeAsync(ITwinIoTSubscription<SensorObservation> subscription)
        {
            await Task.Yield();
            double sum = 0;
            await foreach (var observation in subscription.WithCancellation(_stop.Token).ConfigureAwait(false))
            {
                sum += observation.Observation.Value;
                if (Interlocked.Increment(ref _delivered) == Volatile.Read(ref _target))
                {
                    _reached.TrySetResult();
                }
            }

            GC.KeepAlive(sum);
        }
    }
}
