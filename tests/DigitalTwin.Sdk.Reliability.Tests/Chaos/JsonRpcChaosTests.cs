using System.Collections.Concurrent;
using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Bentley.ITwinIoT.Models;
using DigitalTwin.Sdk.Core.JsonRpc;
using DigitalTwin.Sdk.Reliability.Tests.Infrastructure;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ITwinIoT;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Reliability.Tests.Chaos;

/// <summary>
/// The iTwin IoT socket client (the core JSON-RPC engine over a WebSocket) under seeded random socket drops: the
/// emulator cuts each connection after a random number of server frames, while 10,000 concurrent getSensors calls,
/// three live data subscriptions and back-to-back getData streams run. Every call completes with the right answer or
/// fails with <see cref="ConnectionLostException"/> within its timeout; subscriptions resume after every drop; no
/// getData stream has a gap or a duplicate.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class JsonRpcChaosTests(ITestOutputHelper output)
{
    private const int Seed = 7_000_001;
    private const int Requests = 10_000;
    private const int ConcurrentRequests = 50;
    private const int Drops = 25;
    private const int SeriesPoints = 20_000;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ChaosWaitTimeout = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] SensorIds =
    [
        ITwinIoTEmulator.TiltSensorId,
        "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt1/sensor",
        "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt2/sensor",
        "/fn/6C4F6D/node/dgsimlogger/032432/device/tilt3/sensor",
        ITwinIoTEmulator.TrollSensorId,
    ];

    /// <summary>The three subscribed sensors (tilt metric T in °C), distinct from the streamed one.</summary>
    private static readonly string[] SubscribedSensors = SensorIds[1..4];

    [Fact]
    public async Task RandomSocketDrops_RequestsCompleteOrFailTyped_SubscriptionsResume_GetDataHasNoGapOrDuplicate()
    {
        var random = new Random(Seed);
        using var audit = new SecretAudit();
        await using var emu = await ITwinIoTEmulator.StartAsync(new ITwinIoTEmulatorOptions { PointsPerFrame = 250 });
        emu.SetSeries(ITwinIoTEmulator.TiltSensorId, Start, TimeSpan.FromSeconds(1), SeriesPoints);
        for (var i = 0; i < Drops; i++)
        {
            // Without a method the budget counts from each new connection's first frame: one rule per connection.
            emu.Faults.Add(Fault.CloseWebSocketAfter(random.Next(150, 900)));
        }

        audit.AddSecret(emu.ApiKey);
        var options = new ITwinIoTSocketOptions
        {
            WebSocketUrl = emu.WebSocketUri,
            ApiKey = emu.ApiKey,
            RequestTimeout = RequestTimeout,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ReconnectDelay = TimeSpan.FromMilliseconds(10),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectAttempts = 50,
            KeepAliveInterval = Timeout.InfiniteTimeSpan,
        };
        audit.ObserveText(options.ToString());
        var epoch = 0;
        var client = new ITwinIoTSocketClient(options, audit.LoggerFactory);
        client.StateChanged += (_, e) =>
        {
            if (e.Current == JsonRpcConnectionState.Connected)
            {
                Interlocked.Increment(ref epoch);
            }
        };

        using var stop = new CancellationTokenSource();
        var subscriptions = new List<SubscriptionProbe>();
        foreach (var sensor in SubscribedSensors)
        {
            var subscription = await client.SubscribeDataAsync(new DataSubscriptionRequest([sensor], "T", "C")).WaitAsync(VendorHarness.Bound);
            subscriptions.Add(new SubscriptionProbe(sensor, subscription, () => Volatile.Read(ref epoch), stop.Token));
        }

        using var stopPublishing = new CancellationTokenSource();
        var publisher = PublishAsync(emu, stopPublishing.Token);
        var streams = new GetDataProbe();
        var getData = StreamRepeatedlyAsync(client, emu, streams, stop.Token);

        var results = new RequestCounts();
        for (var first = 0; first < Requests; first += ConcurrentRequests)
        {
            var batch = new Task[ConcurrentRequests];
            for (var i = 0; i < ConcurrentRequests; i++)
            {
                batch[i] = RequestAsync(client, SensorIds[(first + i) % SensorIds.Length], results, audit);
            }

            await Task.WhenAll(batch);
        }

        var dropsInjected = emu.ConnectionCount - 1;
        output.WriteLine($"seed {Seed}: {Requests} requests: {results.Ok} ok, {results.Lost} ConnectionLostException, {results.Wrong} wrong answers, {results.TimedOut} JsonRpcTimeoutException, {results.Hung} hung, {results.Other.Count} other");
        output.WriteLine($"drops injected {dropsInjected} (connections {emu.ConnectionCount}, connected epochs {Volatile.Read(ref epoch)}), state {client.State}, live data subscriptions {emu.DataSubscriptionCount}");

        // After the chaos: the connection is back; a marker published now reaches every subscription.
        await WaitUntilAsync("reconnected and resubscribed", () => client.State == JsonRpcConnectionState.Connected && emu.DataSubscriptionCount == SubscribedSensors.Length, ChaosWaitTimeout);
        await stopPublishing.CancelAsync();
        await publisher;
        var marker = Start.AddYears(5);
        foreach (var sensor in SubscribedSensors)
        {
            await emu.PublishObservationAsync(sensor, marker, new Dictionary<string, double> { ["T"] = -40 });
        }

        await WaitUntilAsync("marker delivered to every subscription", () => subscriptions.TrueForAll(s => s.SawMarker(marker)), ChaosWaitTimeout);
        await stop.CancelAsync();
        await getData;
        foreach (var probe in subscriptions)
        {
            await probe.DisposeAsync();
        }

        await client.DisposeAsync();
        var epochs = Volatile.Read(ref epoch);
        foreach (var probe in subscriptions)
        {
            output.WriteLine($"subscription {probe.Sensor}: {probe.Notifications} notifications in {probe.Epochs} of {epochs} connection epochs, resubscribed {probe.ResubscribeCount} times");
        }

        output.WriteLine($"getData: {streams.Completed} streams of {SeriesPoints} points completed, {streams.SpanningDrops} of them across a drop, {streams.Points} points, {streams.Gaps} gaps, {streams.Duplicates} duplicates, {streams.Failures.Count} failures");
        ChaosTotals.Record(results.Ok, results.Lost, dropsInjected, subscriptions.Sum(s => s.Notifications));

        Assert.Empty(results.Other);
        Assert.Equal(0, results.Wrong);
        Assert.Equal(0, results.Hung);
        Assert.Equal(0, results.TimedOut);
        Assert.Equal(Requests, results.Ok + results.Lost);
        Assert.True(dropsInjected >= Drops / 2, $"only {dropsInjected} drops happened: the run proves too little");
        Assert.True(results.Lost > 0 && results.Ok > Requests / 2, $"ok {results.Ok}, lost {results.Lost}");
        foreach (var probe in subscriptions)
        {
            Assert.True(probe.ResubscribeCount >= epochs - 1, $"{probe.Sensor} resubscribed {probe.ResubscribeCount} times over {epochs - 1} reconnects");
            Assert.True(probe.Epochs * 2 >= epochs, $"{probe.Sensor} delivered in only {probe.Epochs} of {epochs} connection epochs");
            Assert.Empty(probe.Failures);
        }

        Assert.Empty(streams.Failures);
        Assert.Equal(0, streams.Gaps);
        Assert.Equal(0, streams.Duplicates);
        Assert.True(streams.SpanningDrops >= 1, "no getData stream ran across a drop");
        audit.AssertClean();
        UnobservedTaskExceptions.AssertNone();
    }

    private static async Task RequestAsync(ITwinIoTSocketClient client, string sensorId, RequestCounts counts, SecretAudit audit)
    {
        try
        {
            // The bound catches a hang; the client's own timeout is RequestTimeout.
            var sensors = await client.GetSensorsAsync([sensorId]).WaitAsync(RequestTimeout + TimeSpan.FromSeconds(5));
            if (sensors.Count == 1 && sensors[0].Id == sensorId)
            {
                Interlocked.Increment(ref counts.Ok);
            }
            else
            {
                Interlocked.Increment(ref counts.Wrong);
            }
        }
        catch (ConnectionLostException ex)
        {
            audit.Observe(ex);
            Interlocked.Increment(ref counts.Lost);
        }
        catch (JsonRpcTimeoutException ex)
        {
            audit.Observe(ex);
            Interlocked.Increment(ref counts.TimedOut);
        }
        catch (TimeoutException)
        {
            Interlocked.Increment(ref counts.Hung);
        }
        catch (Exception ex)
        {
            counts.Other.Add(ex);
        }
    }

    /// <summary>Pushes one new observation to each subscribed sensor every few milliseconds until stopped.</summary>
    private static async Task PublishAsync(ITwinIoTEmulator emu, CancellationToken stop)
    {
        var at = Start.AddYears(1);
        while (!stop.IsCancellationRequested)
        {
            at = at.AddSeconds(1);
            foreach (var sensor in SubscribedSensors)
            {
                await emu.PublishObservationAsync(sensor, at, new Dictionary<string, double> { ["T"] = 20 });
            }

            try
            {
                await Task.Delay(5, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs getData streams of the whole series back to back, checking each for gaps and duplicates.</summary>
    private static async Task StreamRepeatedlyAsync(ITwinIoTSocketClient client, ITwinIoTEmulator emu, GetDataProbe probe, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var connectionsBefore = emu.ConnectionCount;
            var expected = Start;
            var count = 0;
            try
            {
                await foreach (var observation in client.GetDataAsync(new DataQuery(ITwinIoTEmulator.TiltSensorId, "ax", "deg"), stop))
                {
                    if (observation.Timestamp < expected)
                    {
                        probe.Duplicates++;
                    }
                    else if (observation.Timestamp > expected)
                    {
                        probe.Gaps++;
                    }

                    expected = observation.Timestamp.AddSeconds(1);
                    count++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                probe.Points += count;
                return;
            }
            catch (Exception ex)
            {
                probe.Failures.Add(ex);
                return;
            }

            probe.Points += count;
            if (count != SeriesPoints)
            {
                probe.Failures.Add(new InvalidOperationException($"a stream ended after {count} of {SeriesPoints} points"));
            }

            probe.Completed++;
            if (emu.ConnectionCount != connectionsBefore)
            {
                probe.SpanningDrops++;
            }
        }
    }

    private sealed class RequestCounts
    {
#pragma warning disable SA1401 // Fields updated with Interlocked.
        public int Ok;
        public int Lost;
        public int Wrong;
        public int TimedOut;
        public int Hung;
#pragma warning restore SA1401

        public ConcurrentBag<Exception> Other { get; } = [];
    }

    private sealed class GetDataProbe
    {
        public int Completed { get; set; }

        public int SpanningDrops { get; set; }

        public long Points { get; set; }

        public int Gaps { get; set; }

        public int Duplicates { get; set; }

        public List<Exception> Failures { get; } = [];
    }

    /// <summary>Consumes one subscription, noting each notification's connection epoch.</summary>
    private sealed class SubscriptionProbe : IAsyncDisposable
    {
        private readonly ITwinIoTSubscription<SensorObservation> _subscription;
        private readonly ConcurrentDictionary<int, byte> _epochs = new();
        private readonly ConcurrentDictionary<DateTimeOffset, byte> _seen = new();
        private readonly Task _consumer;
        private int _notifications;

        public SubscriptionProbe(string sensor, ITwinIoTSubscription<SensorObservation> subscription, Func<int> epoch, CancellationToken stop)
        {
            Sensor = sensor;
            _subscription = subscription;
            _consumer = Task.Run(async () =>
            {
                try
                {
                    await foreach (var item in subscription.WithCancellation(stop))
                    {
                        if (item.SensorId != sensor)
                        {
                            Failures.Add(new InvalidOperationException($"{sensor} got a notification for {item.SensorId}"));
                        }

                        Interlocked.Increment(ref _notifications);
                        _epochs.TryAdd(epoch(), 0);
                        _seen.TryAdd(item.Observation.Timestamp, 0);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Stopped by the test.
                }
                catch (Exception ex)
                {
                    Failures.Add(ex);
                }
            });
        }

        public string Sensor { get; }

        public int Notifications => Volatile.Read(ref _notifications);

        public int Epochs => _epochs.Count;

        public int ResubscribeCount => _subscription.ResubscribeCount;

        public ConcurrentBag<Exception> Failures { get; } = [];

        public bool SawMarker(DateTimeOffset marker) => _seen.ContainsKey(marker);

        public async ValueTask DisposeAsync()
        {
            await _consumer.WaitAsync(VendorHarness.Bound);
            await _subscription.DisposeAsync();
        }
    }
}
