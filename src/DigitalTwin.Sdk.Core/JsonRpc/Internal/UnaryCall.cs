namespace DigitalTwin.Sdk.Core.JsonRpc.Internal;

/// <summary>A request answered by exactly one response.</summary>
/// <remarks>
/// The receive loop only routes: it completes the call with a copy of the result's bytes, and the caller parses them on
/// its own continuation (<see cref="Parse"/>), so parsing replies runs in parallel with receiving the next ones.
/// </remarks>
internal sealed class UnaryCall<TResult>(string method, JsonRpcResultParser<TResult> parser) : IPendingEntry
{
    private readonly TaskCompletionSource<byte[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Method { get; } = method;

    /// <summary>Gets the task completed with the raw JSON of the result.</summary>
    public Task<byte[]> ResultBytes => _completion.Task;

    public bool BeforeSend(JsonRpcSession session) => true;

    public void Bind(JsonRpcSession session, long id)
    {
    }

    /// <summary>Parses the result bytes into the call's result type.</summary>
    public TResult Parse(byte[] result) => parser(result);

    public ValueTask OnResultAsync(JsonRpcSession session, long id, ReadOnlyMemory<byte> result)
    {
        session.Unregister(id, this);
        _completion.TrySetResult(result.ToArray());
        return ValueTask.CompletedTask;
    }

    public void OnError(JsonRpcException error) => _completion.TrySetException(error);

    public void OnConnectionLost(ConnectionLostException error, bool willReconnect) => _completion.TrySetException(error);
}
