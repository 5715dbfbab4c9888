using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Core.Tests.JsonRpc;

/// <summary>A transport whose far end is the test, acting as the server.</summary>
internal sealed class InMemoryTransport : IJsonRpcTransport
{
    private readonly Channel<byte[]> _toClient = Channel.CreateUnbounded<byte[]>();
    private readonly Channel<byte[]> _toServer = Channel.CreateUnbounded<byte[]>();

    public bool Aborted { get; private set; }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (Aborted)
        {
            throw new IOException("The transport was aborted.");
        }

        await _toServer.Writer.WriteAsync(message.ToArray(), cancellationToken);
    }

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _toClient.Reader.ReadAsync(cancellationToken);
        }
        catch (ChannelClosedException ex) when (ex.InnerException is null)
        {
            return null;
        }
        catch (ChannelClosedException ex)
        {
            throw new IOException("Connection reset.", ex.InnerException);
        }
    }

    public void Abort() => Drop();

    public ValueTask DisposeAsync()
    {
        Drop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Server side: cuts the connection as a network failure would.</summary>
    public void Drop()
    {
        Aborted = true;
        _toClient.Writer.TryComplete(new IOException("Connection reset by peer."));
        _toServer.Writer.TryComplete();
    }

    /// <summary>Server side: closes cleanly.</summary>
    public void Close() => _toClient.Writer.TryComplete();

    /// <summary>Server side: next request from the client.</summary>
    public async Task<JsonObject> ReadRequestAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var bytes = await _toServer.Reader.ReadAsync(cts.Token);
        return JsonNode.Parse(bytes)!.AsObject();
    }

    /// <summary>Server side: sends raw JSON to the client.</summary>
    public void Send(string json) => _toClient.Writer.TryWrite(Encoding.UTF8.GetBytes(json));

    public void Result(long id, string resultJson) => Send($$"""{"jsonrpc":"2.0","id":{{id}},"result":{{resultJson}}}""");
}
