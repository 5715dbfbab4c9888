using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Bentley.ITwinIoT;

/// <summary>
/// A live subscription (entity updates or new observations). Enumerate it once; dispose it (or stop enumerating) to
/// unsubscribe. It survives reconnects: the client re-subscribes and <see cref="SubscriptionId"/> changes.
/// </summary>
/// <typeparam name="T">The notification type.</typeparam>
public sealed class ITwinIoTSubscription<T> : IAsyncEnumerable<T>, IAsyncDisposable
{
    private readonly JsonRpcStream<T[]> _stream;

    internal ITwinIoTSubscription(JsonRpcStream<T[]> stream) => _stream = stream;

    /// <summary>Gets the current subscription id (the id of the subscribe request on the current socket).</summary>
    public long SubscriptionId => _stream.RequestId;

    /// <summary>Gets how many times the subscription was re-established after a reconnect.</summary>
    public int ResubscribeCount => _stream.ResubscribeCount;

    /// <summary>Gets how many notification frames were dropped (only with <see cref="JsonRpcStreamFullMode.DropOldest"/>).</summary>
    public long DroppedFrames => _stream.DroppedItems;

    /// <summary>Enumerates notifications as they arrive; allowed once.</summary>
    /// <param name="cancellationToken">Stops the enumeration and unsubscribes.</param>
    /// <returns>The enumerator.</returns>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var batch in _stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in batch)
            {
                yield return item;
            }
        }
    }

    /// <summary>Unsubscribes.</summary>
    /// <returns>A task that completes when the unsubscribe request was answered (or failed).</returns>
    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
