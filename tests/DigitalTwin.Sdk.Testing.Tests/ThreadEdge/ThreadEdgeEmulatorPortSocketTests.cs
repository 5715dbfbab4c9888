using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using DigitalTwin.Sdk.Testing.Faults;
using DigitalTwin.Sdk.Testing.ThreadEdge;
using DigitalTwin.Sdk.TestUtilities;
using Microsoft.Extensions.Time.Testing;
using static DigitalTwin.Sdk.TestUtilities.Waiting;

namespace DigitalTwin.Sdk.Testing.Tests.ThreadEdge;

public sealed class ThreadEdgeEmulatorPortSocketTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private ThreadEdgeEmulator _emu = null!;

    public async Task InitializeAsync() => _emu = await ThreadEdgeEmulator.StartAsync();

    public async Task DisposeAsync() => await _emu.DisposeAsync();

    [Fact]
    public async Task Port1_TextAndBinary_AreEchoedInKind()
    {
        using var socket = await ConnectAsync(1);
        await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, true, default);
        var text = await ReceiveAllAsync(socket, 5);
        Assert.Equal("hello", Encoding.UTF8.GetString(text.Bytes));
        Assert.Equal(WebSocketMessageType.Text, text.Type);

        await socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, default);
        var binary = await ReceiveAllAsync(socket, 3);
        Assert.Equal([1, 2, 3], binary.Bytes);
        Assert.Equal(WebSocketMessageType.Binary, binary.Type);
        Assert.Equal(2, _emu.Echo.Received().Count);
    }

    [Fact]
    public async Task Port2_SensorReading_ArrivesInChunksEndingWithDelimiter()
    {
        using var socket = await ConnectAsync(2);
        await WaitForClientsAsync(2, 1);
        var record = await _emu.Sensor.EmitReadingAsync();
        var expected = Encoding.UTF8.GetBytes(record + "\r\n");
        var received = await ReceiveAllAsync(socket, expected.Length);
        Assert.Equal(expected, received.Bytes);
        Assert.True(received.Frames > 1, "a record longer than the chunk size spans several frames");
        Assert.StartsWith("seq=1,temp=", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port2_ReadCommand_TriggersReadingWithConfiguredDelimiter()
    {
        using var http = new HttpClient { BaseAddress = _emu.BaseUri };
        using var put = await http.PutAsync(new Uri("api/configure?port=2", UriKind.Relative), JsonContent.Create(new Dictionary<string, string[]> { ["DELIMITERS_HEX"] = ["3B"] }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var socket = await ConnectAsync(2);
        await socket.SendAsync(Encoding.UTF8.GetBytes("READ\r\n"), WebSocketMessageType.Text, true, default);
        var received = await ReceiveUntilAsync(socket, (byte)';');
        Assert.Matches("^seq=1,temp=[0-9.]+,hum=[0-9.]+;$", Encoding.UTF8.GetString(received));
    }

    [Fact]
    public async Task Sensor_WithInterval_EmitsOnTheClock()
    {
        var clock = TestTime.CreateClock();
        await using var emu = await ThreadEdgeEmulator.StartAsync(new ThreadEdgeEmulatorOptions { TimeProvider = clock, SensorInterval = TimeSpan.FromSeconds(10) });
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(emu.PortWebSocketUri(2), default);
        await WaitUntilAsync(() => emu.Port(2).ConnectedClients == 1);
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(2, emu.Sensor.Readings);
        var first = await ReceiveUntilAsync(socket, (byte)'\n');
        Assert.StartsWith("seq=1,", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledDeviceConnection_DropsDataBothWays()
    {
        _emu.Port(1).ConnectionEnabled = false;
        using var socket = await ConnectAsync(1);
        await socket.SendAsync(Encoding.UTF8.GetBytes("lost"), WebSocketMessageType.Text, true, default);
        await WaitUntilAsync(() => _emu.Port(1).DroppedFromHost == 1);
        Assert.Empty(_emu.Echo.Received());

        _emu.Port(1).ConnectionEnabled = true;
        await socket.SendAsync(Encoding.UTF8.GetBytes("kept"), WebSocketMessageType.Text, true, default);
        Assert.Equal("kept", Encoding.UTF8.GetString((await ReceiveAllAsync(socket, 4)).Bytes));
    }

    [Fact]
    public async Task Message_PostToPort1_IsEchoedToSocketClients()
    {
        using var socket = await ConnectAsync(1);
        await WaitForClientsAsync(1, 1);
        using var http = new HttpClient { BaseAddress = _emu.BaseUri };
        using var response = await http.PostAsync(new Uri("api/message", UriKind.Relative), new StringContent("""{"portNumber":1,"message":"ping"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ping", Encoding.UTF8.GetString((await ReceiveAllAsync(socket, 4)).Bytes));
    }

    [Fact]
    public async Task CloseWebSocketAfterFault_ClosesAfterNFrames()
    {
        _emu.Faults.Add(Fault.CloseWebSocketAfter(1), "/ws/port/1");
        using var socket = await ConnectAsync(1);
        await socket.SendAsync(Encoding.UTF8.GetBytes("abcdefghijkl"), WebSocketMessageType.Text, true, default);
        var buffer = new byte[64];
        using var cts = new CancellationTokenSource(Timeout);
        var first = await socket.ReceiveAsync(buffer, cts.Token);
        Assert.Equal(8, first.Count);
        var close = await socket.ReceiveAsync(buffer, cts.Token);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
    }

    [Theory]
    [InlineData("ws/port/4")]
    [InlineData("ws/port/0")]
    [InlineData("ws/port/x")]
    public async Task UnknownPort_IsRefused(string path)
    {
        using var socket = new ClientWebSocket();
        var uri = new Uri(new Uri(_emu.BaseUri.ToString().Replace("http", "ws", StringComparison.Ordinal)), path);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, default));
    }

    [Fact]
    public async Task PlainHttpOnPortPath_Returns400()
    {
        using var http = new HttpClient { BaseAddress = _emu.BaseUri };
        using var response = await http.GetAsync(new Uri("ws/port/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<ClientWebSocket> ConnectAsync(int port)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(_emu.PortWebSocketUri(port), default);
        return socket;
    }

    private async Task WaitForClientsAsync(int port, int count) => await WaitUntilAsync(() => _emu.Port(port).ConnectedClients == count);

    private static async Task<(byte[] Bytes, WebSocketMessageType Type, int Frames)> ReceiveAllAsync(WebSocket socket, int length)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var data = new List<byte>();
        var buffer = new byte[256];
        var frames = 0;
        var type = WebSocketMessageType.Close;
        while (data.Count < length)
        {
            var result = await socket.ReceiveAsync(buffer, cts.Token);
            type = result.MessageType;
            data.AddRange(buffer.AsSpan(0, result.Count).ToArray());
            frames++;
        }

        return (data.ToArray(), type, frames);
    }

    private static async Task<byte[]> ReceiveUntilAsync(WebSocket socket, byte last)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var data = new List<byte>();
        var buffer = new byte[256];
        while (data.Count == 0 || data[^1] != last)
        {
            var result = await socket.ReceiveAsync(buffer, cts.Token);
            data.AddRange(buffer.AsSpan(0, result.Count).ToArray());
        }

        return data.ToArray();
    }
}
