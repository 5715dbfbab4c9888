using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Core.Tests.JsonRpc;

/// <summary>Hands out a new <see cref="InMemoryTransport"/> per connect; the test plays the server on each.</summary>
internal sealed class FakeServer
{
    private readonly Channel<InMemoryTransport> _accepted = Channel.CreateUnbounded<InMemoryTransport>();

    public int Connects { get; private set; }

    public bool Refuse { get; set; }

    public JsonRpcConnectionOptions Options(long nextId = 10) => new()
    {
        TransportFactory = Connect,
        Handshake = async (context, ct) => context.ContinueRequestIdsAt(await context.InvokeAsync("authenticate", w => { w.WriteStartObject(); w.WriteString("code", "k"); w.WriteEndObject(); }, _ => nextId, ct)),
        RequestTimeout = TimeSpan.FromSeconds(5),
        ReconnectDelay = TimeSpan.FromMilliseconds(10),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>Waits for the next connection and answers its authenticate request.</summary>
    public async Task<InMemoryTransport> AcceptAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var transport = await _accepted.Reader.ReadAsync(cts.Token);
        var auth = await transport.ReadRequestAsync();
        transport.Result(auth["id"]!.GetValue<long>(), "{}");
        return transport;
    }

    /// <summary>Waits for the next connection without answering anything.</summary>
    public async Task<InMemoryTransport> AcceptRawAsync(CancellationToken cancellationToken) =>
        await _accepted.Reader.ReadAsync(cancellationToken);

    private ValueTask<IJsonRpcTransport> Connect(CancellationToken cancellationToken)
    {
        Connects++;
        if (Refuse)
        {
            throw new IOException("Connection refused.");
        }

        var transport = new InMemoryTransport();
        _accepted.Writer.TryWrite(transport);
        return ValueTask.FromResult<IJsonRpcTransport>(transport);
    }
}
