using DigitalTwin.Sdk.Bentley.ITwinIoT;
using DigitalTwin.Sdk.Testing.ITwinIoT;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT.Tests.Socket;

internal static class SocketTestHelpers
{
    public static ITwinIoTSocketOptions Options(ITwinIoTEmulator emu, ITwinIoTTransport transport = ITwinIoTTransport.WebSocket) => new()
    {
        Transport = transport,
        WebSocketUrl = emu.WebSocketUri,
        TcpHost = emu.TcpEndPoint.Address.ToString(),
        TcpPort = emu.TcpEndPoint.Port,
        ApiKey = emu.ApiKey,
        RequestTimeout = TimeSpan.FromSeconds(10),
        ReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        KeepAliveInterval = Timeout.InfiniteTimeSpan,
    };
}
