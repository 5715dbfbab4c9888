using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using DigitalTwin.Sdk.Testing.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Sdk.Testing.ThreadEdge;

/// <content>The per-port WebSockets <c>/ws/port/{1,2,3}</c>.</content>
public sealed partial class ThreadEdgeEmulator
{
    private readonly List<PortSession> _allSessions = [];

    private void MapPortSockets(WebApplication app)
    {
        app.Map("/ws/port/{port}", AcceptPortSocketAsync);
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(StopDevicesAndSessions);
    }

    private async Task AcceptPortSocketAsync(HttpContext ctx)
    {
        var raw = ctx.Request.RouteValues["port"] as string;
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 3)
        {
            await Respond(ctx, StatusCodes.Status404NotFound, Error("not_found", "no such port; use 1, 2 or 3")).ConfigureAwait(false);
            return;
        }

        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            await BadRequest(ctx, "a WebSocket upgrade is required").ConfigureAwait(false);
            return;
        }

        var closeAfter = Faults.TryTake(ctx.Request.Path.Value ?? "/", "GET", FaultKind.CloseWebSocketAfterFrames)?.Frames ?? 0;
        var port = _ports[number - 1];
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var session = new PortSession(socket, closeAfter);
        lock (_gate)
        {
            _allSessions.Add(session);
        }

        port.AddSession(session);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
        var sending = session.RunSendLoopAsync(stop.Token);
        try
        {
            await ReceiveLoopAsync(port, socket, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            port.RemoveSession(session);
            lock (_gate)
            {
                _allSessions.Remove(session);
            }

            session.Complete();
            await stop.CancelAsync().ConfigureAwait(false);
            await sending.ConfigureAwait(false);
        }
    }

    private static async Task ReceiveLoopAsync(SimulatedPort port, WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    await port.ReceiveFromHostAsync(message.ToArray(), result.MessageType == WebSocketMessageType.Text).ConfigureAwait(false);
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Client vanished or the emulator is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void StopDevicesAndSessions()
    {
        foreach (var port in _ports)
        {
            port.Device?.OnStopped();
        }

        PortSession[] sessions;
        lock (_gate)
        {
            sessions = [.. _allSessions];
        }

        foreach (var session in sessions)
        {
            // Kestrel waits for open requests on shutdown; a port socket would otherwise keep it waiting.
            session.Socket.Abort();
        }
    }
}
