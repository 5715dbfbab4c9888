namespace DigitalTwin.Sdk.Testing.ITwinIoT.Internal;

/// <summary>Whole JSON messages over one server-side socket (WebSocket or TCP).</summary>
internal interface IRpcChannel
{
    string Kind { get; }

    ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken);

    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    void Abort();
}
