namespace DigitalTwin.Sdk.Core.JsonRpc;

/// <summary>
/// Moves whole JSON-RPC messages over some connection (WebSocket messages, a framed TCP byte stream, an in-memory pipe).
/// </summary>
/// <remarks>
/// Concurrency: at most one <see cref="SendAsync"/> and at most one <see cref="ReceiveAsync"/> run at a time;
/// a send may run concurrently with a receive. <see cref="Abort"/> may be called from any thread at any time.
/// </remarks>
public interface IJsonRpcTransport : IAsyncDisposable
{
    /// <summary>Sends one complete JSON message.</summary>
    /// <param name="message">UTF-8 JSON of one message.</param>
    /// <param name="cancellationToken">Cancels the send; a cancelled send may leave the transport unusable.</param>
    /// <returns>A task that completes when the message was handed to the network.</returns>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    /// <summary>Receives the next complete JSON message.</summary>
    /// <param name="cancellationToken">Cancels the receive.</param>
    /// <returns>
    /// The UTF-8 JSON of one message, valid only until the next call to this method; or <see langword="null"/>
    /// when the peer closed the connection cleanly.
    /// </returns>
    ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Tears the connection down immediately; pending and later operations fail.</summary>
    void Abort();
}
