using System.Net.WebSockets;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using DigitalTwin.Sdk.TestUtilities;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Ports;

/// <summary>Reconnect back-off on the injected clock, back-pressure, the message size limit and dispose mid-reconnect,
/// on real loopback sockets against the emulator.</summary>
public sealed class ThreadPortSocketResilienceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private ThreadEdgeEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await ThreadEdgeEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task ConnectAsync_DeviceNeverAnswers_TimesOutOnTheInjectedClock()
    {
        var clock = new TrackingFakeTimeProvider();
        var options = new ThreadPortSocketOptions { TimeProvider = clock, ConnectTimeout = TimeSpan.FromSeconds(10), WebSocketFactory = NeverConnectsAsync };
        var connecting = ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), options);
        await WaitUntilAsync(() => clock.PendingTimers == 1);

        clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.False(connecting.IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));
        var failure = await Assert.ThrowsAsync<DigitalTwinConnectionException>(() => connecting.WaitAsync(Timeout));
        Assert.IsAssignableFrom<OperationCanceledException>(failure.InnerException);
    }

    [Fact]
    public async Task ConnectAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var clock = new TrackingFakeTimeProvider();
        using var cts = new CancellationTokenSource();
        var connecting = ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), new ThreadPortSocketOptions { TimeProvider = clock, WebSocketFactory = NeverConnectsAsync }, cts.Token);
        await WaitUntilAsync(() => clock.PendingTimers == 1);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Reconnect_AfterDrop_WaitsTheBackoffOnTheInjectedClock()
    {
        var clock = new TrackingFakeTimeProvider();
        var attempts = 0;
        var options = new ThreadPortSocketOptions
        {
            TimeProvider = clock,
            ReconnectDelay = TimeSpan.FromSeconds(1),
            WebSocketFactory = async (uri, ct) =>
            {
                Interlocked.Increment(ref attempts);
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, ct);
                return socket;
            },
        };
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), options);
        await port.SendTextAsync("x");
        await WaitUntilAsync(() => port.State == PortConnectionState.Reconnecting && clock.PendingTimers == 1);

        // The one pending timer is the back-off: Backoff.Delay(0, 1 s, 30 s), 1 s less up to 20% jitter.
        var wait = clock.PendingDueTimes[0] - clock.GetUtcNow();
        Assert.InRange(wait, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(1));

        clock.Advance(wait - TimeSpan.FromTicks(1));
        Assert.Equal(1, clock.PendingTimers);
        Assert.Equal(1, Volatile.Read(ref attempts));
        Assert.Equal(PortConnectionState.Reconnecting, port.State);

        clock.Advance(TimeSpan.FromTicks(1));
        await WaitUntilAsync(() => port.State == PortConnectionState.Connected);
        Assert.Equal(2, Volatile.Read(ref attempts));
        Assert.Equal(1, port.Reconnects);
    }

    [Fact]
    public async Task ReceiveQueue_WaitMode_PausedReaderLosesNothingAndQueueStaysBounded()
    {
        const int capacity = 4;
        const int count = 200;
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(2), new ThreadPortSocketOptions { ReceiveQueueCapacity = capacity });
        await WaitUntilAsync(() => _emu.Port(2).ConnectedClients == 1);

        // Each record ("r0000" CR LF, 7 bytes) is one frame; nobody reads while the device sends all of them.
        var expected = Enumerable.Range(0, count).Select(i => $"r{i:D4}").ToList();
        foreach (var record in expected)
        {
            await _emu.Sensor.EmitRecordAsync(record);
        }

        // The queue fills and then Websocket.Client's receive loop is held in the message callback: nothing more is taken
        // off the socket (the rest waits in TCP buffers), nothing is dropped.
        await WaitUntilAsync(() => port.MessagesReceived == capacity);
        await WaitUntilStableAsync(() => port.MessagesReceived);
        Assert.Equal(capacity, port.MessagesReceived);
        Assert.Equal(PortConnectionState.Connected, port.State);

        using var cts = new CancellationTokenSource(Timeout);
        var records = new List<string>();
        await foreach (var record in port.ReadRecordsAsync(cancellationToken: cts.Token))
        {
            records.Add(record.Text);
            if (records.Count == count)
            {
                break;
            }
        }

        Assert.Equal(expected, records);
        Assert.Equal(PortConnectionState.Connected, port.State);
    }

    [Fact]
    public async Task Receive_MessageOverMaxMessageSize_FailsWithTypedError()
    {
        await using var emu = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { SerialChunkSize = 64 });
        await using var port = await ThreadPortSocket.ConnectAsync(emu.PortWebSocketUri(1), new ThreadPortSocketOptions { MaxMessageSize = 16 });
        using var cts = new CancellationTokenSource(Timeout);
        await using var messages = port.ReadMessagesAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        await port.SendTextAsync(new string('a', 16), cts.Token);
        Assert.True(await messages.MoveNextAsync());
        Assert.Equal(new string('a', 16), messages.Current.Text);
        Assert.Equal(PortMessageType.Text, messages.Current.Type);

        await port.SendTextAsync(new string('b', 17), cts.Token);
        var failure = await Assert.ThrowsAsync<DigitalTwinException>(async () => await messages.MoveNextAsync());
        Assert.Contains("MaxMessageSize (16 bytes)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(PortConnectionState.Failed, port.State);
        Assert.Same(failure, await Assert.ThrowsAsync<DigitalTwinException>(() => port.Completion));
    }

    [Fact]
    public async Task Dispose_WhileWaitingToReconnect_EndsReaderAndCompletionNormally()
    {
        var clock = new TrackingFakeTimeProvider();
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), new ThreadPortSocketOptions { TimeProvider = clock });
        using var cts = new CancellationTokenSource(Timeout);
        var reading = Task.Run(async () =>
        {
            var received = new List<string>();
            await foreach (var message in port.ReadMessagesAsync(cts.Token))
            {
                received.Add(message.Text);
            }

            return received;
        });
        await port.SendTextAsync("x", cts.Token);
        await WaitUntilAsync(() => port.State == PortConnectionState.Reconnecting && clock.PendingTimers == 1);

        await port.DisposeAsync().AsTask().WaitAsync(Timeout);
        await port.DisposeAsync();

        Assert.Equal(["x"], await reading.WaitAsync(Timeout));
        Assert.Equal(PortConnectionState.Closed, port.State);
        await port.Completion.WaitAsync(Timeout);
        Assert.Equal(0, clock.PendingTimers);
        Assert.Equal(0, port.Reconnects);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await port.SendTextAsync("late"));
    }

    /// <summary>A socket factory for a device that never completes the handshake: it waits until cancelled.</summary>
    private static async Task<WebSocket> NeverConnectsAsync(Uri uri, CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource<WebSocket>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => never.TrySetCanceled(cancellationToken)))
        {
            return await never.Task;
        }
    }
}
