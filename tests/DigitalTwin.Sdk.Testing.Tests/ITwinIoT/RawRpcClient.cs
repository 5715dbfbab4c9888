using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalTwin.Sdk.Testing.ITwinIoT;

namespace DigitalTwin.Sdk.Testing.Tests.ITwinIoT;

/// <summary>A deliberately naive JSON-RPC client (raw ClientWebSocket or TcpClient) for testing the emulator on the wire.</summary>
internal sealed class RawRpcClient : IAsyncDisposable
{
    private readonly ClientWebSocket? _socket;
    private readonly TcpClient? _tcp;
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _tcpStart;
    private int _tcpEnd;

    private RawRpcClient(ClientWebSocket? socket, TcpClient? tcp)
    {
        _socket = socket;
        _tcp = tcp;
    }

    public static async Task<RawRpcClient> ConnectWebSocketAsync(ITwinIoTEmulator emulator)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(emulator.WebSocketUri, CancellationToken.None);
        return new RawRpcClient(socket, null);
    }

    public static async Task<RawRpcClient> ConnectTcpAsync(ITwinIoTEmulator emulator)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(emulator.TcpEndPoint);
        return new RawRpcClient(null, tcp);
    }

    public async Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        if (_socket is not null)
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        else
        {
            await _tcp!.GetStream().WriteAsync(bytes);
        }
    }

    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        if (_socket is not null)
        {
            var count = 0;
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(count), cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("closed");
                }

                count += result.Count;
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(_buffer.AsSpan(0, count))!.AsObject();
                }
            }
        }

        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_tcpStart, _tcpEnd - _tcpStart), isFinalBlock: false, default);
            if (reader.Read() && reader.TrySkip())
            {
                var node = JsonNode.Parse(_buffer.AsSpan(_tcpStart, (int)reader.BytesConsumed))!.AsObject();
                _tcpStart += (int)reader.BytesConsumed;
                return node;
            }

            var read = await _tcp!.GetStream().ReadAsync(_buffer.AsMemory(_tcpEnd), cts.Token);
            if (read == 0)
            {
                throw new IOException("closed");
            }

            _tcpEnd += read;
        }
    }

    public async Task<JsonObject> CallAsync(long id, string method, string paramsJson = "{}")
    {
        await SendAsync($$"""{"jsonrpc":"2.0","method":"{{method}}","id":{{id}},"params":{{paramsJson}}}""");
        return await ReceiveAsync();
    }

    public async Task<long> AuthenticateAsync(string code)
    {
        var response = await CallAsync(0, "authenticate", $$"""{"code":"{{code}}"}""");
        return response["result"]!["nextId"]!.GetValue<long>();
    }

    public ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        _tcp?.Dispose();
        return ValueTask.CompletedTask;
    }
}
