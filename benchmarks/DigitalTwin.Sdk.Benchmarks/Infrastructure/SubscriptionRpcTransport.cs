using System.Globalization;
using System.Threading.Channels;
using DigitalTwin.Sdk.Core.JsonRpc;

namespace DigitalTwin.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// In-memory JSON-RPC transport for iTwin IoT subscriptions: it answers <c>authenticate</c>, registers every
/// <c>subscribeData</c> request (no acknowledgement frame, as the service and the emulator do), and delivers
/// notification frames the benchmark <see cref="Publish">publishes</see> to the client's receive loop in order.
/// </summary>
public sealed class SubscriptionRpcTransport : IJsonRpcTransport
{
    private readonly Channel<ReadOnlyMemory<byte>> _incoming = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<long> _subscriptions = [];

    /// <summary>Gets the ids of the <c>subscribeData</c> requests received so far (each is its subscription's id).</summary>
    public IReadOnlyList<long> SubscriptionIds
    {
        get
        {
            lock (_subscriptions)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>Builds the notification frame of one new observation for a subscription (the emulator's layout).</summary>
    /// <param name="subscriptionId">The subscription's id.</param>
    /// <param name="sensorId">The sensor.</param>
    /// <returns>The frame.</returns>
    public static byte[] Notification(long subscriptionId, string sensorId) =>
        RpcPeek.Result(subscriptionId, "{\"sensor\":\"" + sensorId + "\",\"data\":{\"2024-01-01T00:00:00.000Z\":" + (subscriptionId % 100).ToString(CultureInfo.InvariantCulture) + ".5}}");

    /// <summary>Delivers a frame to the client.</summary>
    /// <param name="frame">The frame (not copied; keep it unchanged).</param>
    public void Publish(ReadOnlyMemory<byte> frame) => _incoming.Writer.TryWrite(frame);

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var (method, id) = RpcPeek.Read(message.Span);
        switch (method)
        {
            case "authenticate":
                _incoming.Writer.TryWrite(RpcPeek.Result(id, "{\"nextId\":1}"));
                break;
            case "subscribeData":
                lock (_subscriptions)
                {
                    _subscriptions.Add(id!.Value);
                }

                break;
            case "unsubscribeData":
                _incoming.Writer.TryWrite(RpcPeek.Result(id, "true"));
                break;
            default:
                if (id is not null)
                {
                    _incoming.Writer.TryWrite(RpcPeek.Result(id, "{}"));
                }

                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (await _incoming.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_incoming.Reader.TryRead(out var message))
            {
                return message;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Abort() => _incoming.Writer.TryComplete();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
