namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>Something waiting for responses with a given id on a session: a unary call or a stream.</summary>
internal interface IPendingEntry
{
    string Method { get; }

    /// <summary>Called under the session's send lock; returns <see langword="false"/> to skip sending (already sent on this session, or ended).</summary>
    bool BeforeSend(JsonRpcSession session);

    /// <summary>Called under the send lock once the id is known, before the bytes leave.</summary>
    void Bind(JsonRpcSession session, long id);

    /// <summary>Handles a <c>result</c>; runs on the receive loop.</summary>
    ValueTask OnResultAsync(JsonRpcSession session, long id, ReadOnlyMemory<byte> result);

    /// <summary>Handles an <c>error</c>; the entry is already unregistered.</summary>
    void OnError(JsonRpcException error);

    /// <summary>Handles the loss of the session; the entry is already unregistered.</summary>
    void OnConnectionLost(ConnectionLostException error, bool willReconnect);
}
