using System.Net;
using System.Text.Json;

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

    /// <summary>
    /// The caller stopped waiting (its send failed, it timed out or was cancelled): a fault that still arrives (a
    /// connection loss racing with it) is observed here instead of surfacing as an unobserved task exception.
    /// </summary>
    public void Abandon() => _completion.Task.ContinueWith(
        static t => _ = t.Exception,
        CancellationToken.None,
        TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
        TaskScheduler.Default);

    public void Bind(JsonRpcSession session, long id)
    {
    }

    /// <summary>Parses the result bytes into the call's result type.</summary>
    /// <exception cref="DigitalTwinInvalidResponseException">The result does not have the expected shape.</exception>
    public TResult Parse(byte[] result)
    {
        try
        {
            return parser(result);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            // A result that is not the documented shape is a malformed answer, typed like a malformed HTTP body.
            throw new DigitalTwinInvalidResponseException(
                new ApiErrorInfo("JSON-RPC", HttpStatusCode.OK) { Method = Method, ErrorCode = "InvalidResult" },
                $"The result of '{Method}' does not have the expected shape: {ex.Message}",
                ex);
        }
    }

    public ValueTask OnResultAsync(JsonRpcSession session, long id, ReadOnlyMemory<byte> result)
    {
        session.Unregister(id, this);
        _completion.TrySetResult(result.ToArray());
        return ValueTask.CompletedTask;
    }

    public void OnError(JsonRpcException error) => _completion.TrySetException(error);

    public void OnConnectionLost(ConnectionLostException error, bool willReconnect) => _completion.TrySetException(error);
}
