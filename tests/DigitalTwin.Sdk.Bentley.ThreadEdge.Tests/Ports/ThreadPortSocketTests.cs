using System.Net.WebSockets;
using DigitalTwin.Sdk.Bentley.ThreadEdge.Models;
using DigitalTwin.Sdk.Core;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using DigitalTwin.Sdk.TestUtilities;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Bentley.ThreadEdge.Tests.Ports;

public sealed class ThreadPortSocketTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private ThreadEdgeEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await ThreadEdgeEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task SendTextAndBytes_EchoDevice_ReceivesInKind()
    {
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1));
        using var cts = new CancellationTokenSource(Timeout);
        await using var messages = port.ReadMessagesAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        await port.SendTextAsync("hello", cts.Token);
        Assert.Equal("hello", await ReadBytesAsync(messages, 5, PortMessageType.Text));

        await port.SendAsync(new byte[] { 0x01, 0x02, 0x03 }, PortMessageType.Binary, cts.Token);
        Assert.Equal("\u0001\u0002\u0003", await ReadBytesAsync(messages, 3, PortMessageType.Binary));
        Assert.Equal(PortConnectionState.Connected, port.State);
    }

    [Fact]
    public async Task ReadRecordsAsync_SensorLinesSplitAcrossFrames_AreFramed()
    {
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(2));
        await WaitUntilAsync(() => _emu.Port(2).ConnectedClients == 1);
        var expected = new[] { await _emu.Sensor.EmitReadingAsync(), await _emu.Sensor.EmitReadingAsync(), await _emu.Sensor.EmitReadingAsync() };

        using var cts = new CancellationTokenSource(Timeout);
        var records = new List<PortRecord>();
        await foreach (var record in port.ReadRecordsAsync(cancellationToken: cts.Token))
        {
            records.Add(record);
            if (records.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(expected, records.Select(r => r.Text));
        Assert.All(records, r => Assert.Equal("0D0A", r.DelimiterHex));
    }

    [Fact]
    public async Task ReadRecordsAsync_ConfiguredDelimiter_IsUsedByDeviceAndReader()
    {
        _emu.Port(2).ConnectionEnabled = true;
        using var http = new HttpClient { BaseAddress = _emu.BaseUri };
        using var put = await http.PutAsync(new Uri("api/configure?port=2", UriKind.Relative), new StringContent("""{"DELIMITERS_HEX":["7C"]}"""));
        put.EnsureSuccessStatusCode();

        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(2));
        using var cts = new CancellationTokenSource(Timeout);
        await port.SendTextAsync("READ\r\n", cts.Token);
        await foreach (var record in port.ReadRecordsAsync(["7C"], cts.Token))
        {
            Assert.Matches("^seq=1,temp=[0-9.]+,hum=[0-9.]+$", record.Text);
            Assert.Equal("7C", record.DelimiterHex);
            break;
        }
    }

    [Fact]
    public async Task Drop_FaultClosesSocket_ReconnectsAndKeepsReading()
    {
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        var states = new List<PortConnectionState>();
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), new ThreadPortSocketOptions { ReconnectDelay = TimeSpan.Zero });
        port.StateChanged += (_, e) =>
        {
            lock (states)
            {
                states.Add(e.State);
            }
        };

        using var cts = new CancellationTokenSource(Timeout);
        await using var messages = port.ReadMessagesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await port.SendTextAsync("first", cts.Token);
        Assert.True(await messages.MoveNextAsync());
        Assert.Equal("first", messages.Current.Text);

        await WaitUntilAsync(() => port.Reconnects == 1 && port.State == PortConnectionState.Connected);
        await port.SendTextAsync("second", cts.Token);
        Assert.Equal("second", await ReadBytesAsync(messages, 6, PortMessageType.Text));
        lock (states)
        {
            Assert.Equal([PortConnectionState.Reconnecting, PortConnectionState.Connected], states);
        }
    }

    [Fact]
    public async Task Reconnect_BackoffFollowsTheClock()
    {
        var clock = new TrackingFakeTimeProvider();
        var attempts = 0;
        var failures = 0;
        var emulatorUp = true;
        var options = new ThreadPortSocketOptions
        {
            TimeProvider = clock,
            ReconnectDelay = TimeSpan.FromSeconds(1),
            MaxReconnectDelay = TimeSpan.FromSeconds(4),
            WebSocketFactory = async (uri, ct) =>
            {
                Interlocked.Increment(ref attempts);
                if (!Volatile.Read(ref emulatorUp))
                {
                    throw new WebSocketException(WebSocketError.Faulted, "refused");
                }

                var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, ct);
                return socket;
            },
        };
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), options);

        // A failed attempt is reported after its connect-timeout timer is gone, so from then on the only pending
        // timer is the back-off delay.
        port.StateChanged += (_, e) =>
        {
            if (e.State == PortConnectionState.Reconnecting && e.Exception is not null)
            {
                Interlocked.Increment(ref failures);
            }
        };
        Volatile.Write(ref emulatorUp, false);
        await port.SendTextAsync("x");
        await WaitUntilAsync(() => port.State == PortConnectionState.Reconnecting && clock.PendingTimers == 1);
        Assert.Equal(1, attempts);

        clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(201));
        Assert.Equal(1, Volatile.Read(ref attempts));
        clock.Advance(TimeSpan.FromMilliseconds(201));
        await WaitUntilAsync(() => Volatile.Read(ref failures) == 1 && clock.PendingTimers == 1);
        Assert.Equal(2, attempts);

        clock.Advance(TimeSpan.FromSeconds(2));
        await WaitUntilAsync(() => Volatile.Read(ref failures) == 2 && clock.PendingTimers == 1);
        Assert.Equal(3, attempts);

        Volatile.Write(ref emulatorUp, true);
        clock.Advance(TimeSpan.FromSeconds(4));
        await WaitUntilAsync(() => port.State == PortConnectionState.Connected);
        Assert.Equal(4, attempts);
        Assert.Equal(1, port.Reconnects);
    }

    [Fact]
    public async Task Send_WhileReconnecting_WaitsForTheNewConnection()
    {
        var clock = new TrackingFakeTimeProvider();
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), new ThreadPortSocketOptions { TimeProvider = clock });
        using var cts = new CancellationTokenSource(Timeout);
        await using var messages = port.ReadMessagesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await port.SendTextAsync("one", cts.Token);
        Assert.True(await messages.MoveNextAsync());
        await WaitUntilAsync(() => port.State == PortConnectionState.Reconnecting && clock.PendingTimers == 1);

        // Only the back-off timer can end the wait for a connection, and the clock has not moved.
        var sending = port.SendTextAsync("two", cts.Token).AsTask();
        Assert.False(sending.IsCompleted);
        Assert.Equal(1, clock.PendingTimers);
        clock.Advance(TimeSpan.FromSeconds(1));
        await sending.WaitAsync(Timeout);
        Assert.Equal("two", await ReadBytesAsync(messages, 3, PortMessageType.Text));
        Assert.Equal(1, port.Reconnects);
    }

    [Fact]
    public async Task ReceiveQueue_DropOldest_KeepsNewestWhenReaderIsSlow()
    {
        await using var port = await ThreadPortSocket.ConnectAsync(
            _emu.PortWebSocketUri(2),
            new ThreadPortSocketOptions { ReceiveQueueCapacity = 2, ReceiveQueueFullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest });
        await WaitUntilAsync(() => _emu.Port(2).ConnectedClients == 1);
        await _emu.Sensor.EmitRecordAsync("aaaaaaa");
        await _emu.Sensor.EmitRecordAsync("bbbbbbb");
        await _emu.Sensor.EmitRecordAsync("ccccccc");

        // Each record arrives as two frames (8 bytes, then the LF): wait until all six went through the queue.
        await WaitUntilAsync(() => port.MessagesReceived == 6);
        using var cts = new CancellationTokenSource(Timeout);
        await using var messages = port.ReadMessagesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await messages.MoveNextAsync());
        Assert.Equal("ccccccc\r", messages.Current.Text);
        Assert.True(await messages.MoveNextAsync());
        Assert.Equal("\n", messages.Current.Text);
    }

    [Fact]
    public async Task Reconnect_AttemptsExhausted_FailsReaderAndCompletion()
    {
        var clock = new TrackingFakeTimeProvider();
        var connects = 0;
        var failures = 0;
        var options = new ThreadPortSocketOptions
        {
            TimeProvider = clock,
            ReconnectDelay = TimeSpan.FromSeconds(1),
            MaxReconnectAttempts = 2,
            WebSocketFactory = async (uri, ct) =>
            {
                if (Interlocked.Increment(ref connects) > 1)
                {
                    throw new WebSocketException(WebSocketError.Faulted, "refused");
                }

                var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, ct);
                return socket;
            },
        };
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), options);
        port.StateChanged += (_, e) =>
        {
            if (e.State == PortConnectionState.Reconnecting && e.Exception is not null)
            {
                Interlocked.Increment(ref failures);
            }
        };
        await port.SendTextAsync("x");

        // Each attempt waits its back-off on the clock: attempt 1 after 1 s, attempt 2 after 2 s (less jitter).
        await WaitUntilAsync(() => port.State == PortConnectionState.Reconnecting && clock.PendingTimers == 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => Volatile.Read(ref failures) == 1 && clock.PendingTimers == 1);
        Assert.Equal(PortConnectionState.Reconnecting, port.State);
        clock.Advance(TimeSpan.FromSeconds(2));

        using var cts = new CancellationTokenSource(Timeout);
        var received = new List<string>();
        var failure = await Assert.ThrowsAsync<DigitalTwinConnectionException>(async () =>
        {
            await foreach (var message in port.ReadMessagesAsync(cts.Token))
            {
                received.Add(message.Text);
            }
        });
        Assert.Equal(["x"], received);
        Assert.Equal(3, Volatile.Read(ref connects));
        Assert.Contains("2 attempts", failure.Message, StringComparison.Ordinal);
        Assert.Equal(PortConnectionState.Failed, port.State);
        Assert.IsType<WebSocketException>(failure.InnerException);
        await Assert.ThrowsAsync<DigitalTwinConnectionException>(() => port.Completion);
        await Assert.ThrowsAsync<DigitalTwinConnectionException>(async () => await port.SendTextAsync("late"));
    }

    [Fact]
    public async Task Drop_WithoutAutoReconnect_Fails()
    {
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), new ThreadPortSocketOptions { AutoReconnect = false });
        await port.SendTextAsync("x");
        var failure = await Assert.ThrowsAsync<DigitalTwinConnectionException>(() => port.Completion.WaitAsync(Timeout));
        Assert.Contains("reconnect is off", failure.Message, StringComparison.Ordinal);
        Assert.Equal(PortConnectionState.Failed, port.State);
    }

    [Fact]
    public async Task Dispose_EndsReaderNormally_AndClosesServerSide()
    {
        var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1));
        await WaitUntilAsync(() => _emu.Port(1).ConnectedClients == 1);
        using var cts = new CancellationTokenSource(Timeout);
        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var message in port.ReadMessagesAsync(cts.Token))
            {
                count++;
            }

            return count;
        });
        await port.DisposeAsync();
        Assert.Equal(0, await reading.WaitAsync(Timeout));
        Assert.Equal(PortConnectionState.Closed, port.State);
        await port.Completion;
        await WaitUntilAsync(() => _emu.Port(1).ConnectedClients == 0);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await port.SendTextAsync("x"));
    }

    [Fact]
    public async Task ReadMessagesAsync_SecondConcurrentReader_IsRefused()
    {
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1));
        using var cts = new CancellationTokenSource(Timeout);
        await using var first = port.ReadMessagesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.Throws<InvalidOperationException>(() => port.ReadRecordsAsync());
    }

    [Fact]
    public async Task ConnectAsync_BadArguments_ThrowNamingParameter()
    {
        Assert.Equal("uri", (await Assert.ThrowsAsync<ArgumentException>(() => ThreadPortSocket.ConnectAsync(new Uri("http://localhost/ws/port/1")))).ParamName);
        Assert.Equal("options", (await Assert.ThrowsAsync<ArgumentException>(() => ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), new ThreadPortSocketOptions { ReceiveQueueCapacity = 0 }))).ParamName);
        Assert.Equal("delimitersHex", (await Assert.ThrowsAsync<ArgumentException>(() => ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1), new ThreadPortSocketOptions { DelimitersHex = ["XYZ"] }))).ParamName);
        var refused = await Assert.ThrowsAsync<DigitalTwinConnectionException>(() => ThreadPortSocket.ConnectAsync(new Uri(_emu.PortWebSocketUri(1), "/ws/port/9")));
        Assert.IsType<WebSocketException>(refused.InnerException);
    }

    [Fact]
    public async Task SendAsync_UndefinedType_ThrowsNamingParameter()
    {
        await using var port = await ThreadPortSocket.ConnectAsync(_emu.PortWebSocketUri(1));
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => port.SendAsync(new byte[1], (PortMessageType)5));
        Assert.Equal("type", exception.ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => port.SendTextAsync(null!)).ParamName);
    }

    private static async Task<string> ReadBytesAsync(IAsyncEnumerator<PortMessage> messages, int length, PortMessageType type)
    {
        var text = string.Empty;
        while (text.Length < length)
        {
            Assert.True(await messages.MoveNextAsync());
            Assert.Equal(type, messages.Current.Type);
            text += messages.Current.Text;
        }

        return text;
    }
}
